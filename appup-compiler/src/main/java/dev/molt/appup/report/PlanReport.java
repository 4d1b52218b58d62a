package dev.molt.appup.report;

import dev.molt.appup.plan.AppChange;
import dev.molt.appup.plan.AppPlan;
import dev.molt.appup.plan.Note;
import dev.molt.appup.plan.Plan;
import dev.molt.appup.plan.Risk;
import dev.molt.format.ShortNames;
import dev.molt.appup.plan.UpgradePath;
import dev.molt.format.Instruction;
import dev.molt.format.RelupPlan;
import dev.molt.format.RelupStep;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Renders a {@link Plan} as text for people: per path, the apps that change (what, how, why, the
 * risk), then the apps left as they are (listed or counted, see {@link UnchangedApps}), then the
 * steps and the worst risk.
 */
public final class PlanReport {
  private PlanReport() {}

  /** The whole plan with every unchanged app listed, ending with a newline. */
  public static String render(Plan plan) {
    return render(plan, UnchangedApps.list());
  }

  /** The whole plan, showing unchanged apps as {@code unchanged} says, ending with a newline. */
  public static String render(Plan plan, UnchangedApps unchanged) {
    ShortNames names = ShortNames.among(classNames(plan));
    StringBuilder out = new StringBuilder();
    for (UpgradePath path : plan.paths()) {
      out.append("Release ").append(plan.release()).append(' ').append(path.fromVersion())
          .append(" -> ").append(path.toVersion()).append('\n');
      path.restartJvm().ifPresent(r -> out.append("  restart_jvm [HIGH]: ").append(r)
          .append("; the node restarts into the new release (apps below take effect at boot)\n"));
      path.apps().stream().filter(a -> !isUnchanged(a)).forEach(a -> app(out, a, names));
      unchanged(out, path.apps().stream().filter(PlanReport::isUnchanged).toList(), unchanged);
      steps(out, "Up", path.fromVersion() + " -> " + path.toVersion(), path.up(), names);
      steps(out, "Down", path.toVersion() + " -> " + path.fromVersion(), path.down(), names);
      out.append("  Risk: ").append(worst(path)).append('\n').append('\n');
    }
    return out.toString();
  }

  /** Every class the report names, so that each is shown by its shortest unambiguous name. */
  private static Set<String> classNames(Plan plan) {
    Set<String> out = new HashSet<>();
    for (UpgradePath path : plan.paths()) {
      path.apps().forEach(a -> a.notes().forEach(n -> n.subject().ifPresent(out::add)));
      Stream.concat(path.up().steps().stream(), path.down().steps().stream())
          .forEach(s -> out.addAll(classesOf(s.instruction())));
    }
    return out;
  }

  private static List<String> classesOf(Instruction i) {
    if (i instanceof Instruction.Redefine r) {
      return r.classes();
    }
    if (i instanceof Instruction.Define d) {
      return d.classes();
    }
    if (i instanceof Instruction.Update u) {
      return Stream.concat(Stream.of(u.service()), u.migration().stream()).toList();
    }
    return List.of();
  }

  /** An app with nothing to say and nothing to run: one of the many libraries of a release. */
  private static boolean isUnchanged(AppPlan app) {
    return app.notes().isEmpty() && app.up().isEmpty();
  }

  private static void unchanged(StringBuilder out, List<AppPlan> apps, UnchangedApps how) {
    if (apps.isEmpty()) {
      return;
    }
    out.append("  ").append(apps.size()).append(apps.size() == 1 ? " app" : " apps").append(" unchanged");
    if (how.listed()) {
      out.append(":\n");
      apps.forEach(a -> out.append("    ").append(a.app()).append(' ').append(versions(a)).append('\n'));
    } else {
      out.append(how.howToList().isBlank() ? "" : " (" + how.howToList() + " lists them)").append('\n');
    }
  }

  private static void app(StringBuilder out, AppPlan app, ShortNames names) {
    out.append("  ").append(app.app()).append(' ').append(versions(app));
    out.append(" [").append(app.risk()).append("]\n");
    for (Note n : app.notes()) {
      out.append("    ").append(n.op()).append(n.subject().map(s -> " " + names.of(s)).orElse(""))
          .append(" [").append(n.risk()).append("]: ").append(n.message()).append('\n');
    }
  }

  private static String versions(AppPlan app) {
    if (app.change() == AppChange.ADDED) {
      return app.toVersion().orElseThrow() + " (new)";
    }
    if (app.change() == AppChange.REMOVED) {
      return app.fromVersion().orElseThrow() + " (removed)";
    }
    if (app.change() == AppChange.UNCHANGED) {
      return app.toVersion().orElseThrow();
    }
    return app.fromVersion().orElseThrow() + " -> " + app.toVersion().orElseThrow();
  }

  private static void steps(StringBuilder out, String title, String label, RelupPlan plan,
      ShortNames names) {
    out.append("  ").append(title).append(" (").append(label).append("):\n");
    int n = 1;
    for (RelupStep s : plan.steps()) {
      if (s.instruction() instanceof Instruction.PointOfNoReturn) {
        out.append("    -- point_of_no_return --\n");
        continue;
      }
      out.append("    ").append(n++).append(". ").append(step(s, names)).append('\n');
    }
  }

  private static String step(RelupStep s, ShortNames names) {
    Instruction i = s.instruction();
    String app = s.app().map(a -> " " + a).orElse("");
    if (i instanceof Instruction.Redefine r) {
      return "redefine" + app + " " + String.join(", ", r.classes().stream().map(names::of).toList());
    }
    if (i instanceof Instruction.Define d) {
      return "define" + app + " " + String.join(", ", d.classes().stream().map(names::of).toList());
    }
    if (i instanceof Instruction.Update u) {
      return "update" + app + " " + names.of(u.service()) + " (unit " + u.unit() + ", "
          + u.migration().map(m -> "migration " + names.of(m)).orElse("no migration") + ")";
    }
    if (i instanceof Instruction.Apply a) {
      return "apply" + app + " " + a.className() + "." + a.method() + "()";
    }
    if (i instanceof Instruction.RestartJvm r) {
      return "restart_jvm (" + r.reason() + ")";
    }
    return i.op() + app;
  }

  private static Risk worst(UpgradePath path) {
    Risk worst = path.restartJvm().isPresent() ? Risk.HIGH : Risk.LOW;
    for (AppPlan a : path.apps()) {
      worst = a.risk().compareTo(worst) > 0 ? a.risk() : worst;
    }
    return worst;
  }
}

package dev.molt.appup.plan;

import dev.molt.appup.diff.AppDiff;
import dev.molt.appup.error.AppupException;
import dev.molt.appup.override.OverrideValidator;
import dev.molt.appup.override.Overrides;
import dev.molt.format.AppSpec;
import dev.molt.format.Appup;
import dev.molt.format.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the {@link AppPlan} of one app from its two specs, its diff and any override. */
final class AppPlans {
  private AppPlans() {}

  static AppPlan added(AppSpec app) {
    if (app.isLibrary()) {
      return new AppPlan(app.name(), AppChange.ADDED, Optional.empty(), Optional.of(app.version()),
          List.of(), List.of(), Optional.empty(), List.of(Note.app("none", Risk.LOW, "new library "
              + app.name() + " " + app.version() + ": the applications whose class path gains it"
              + " restart")));
    }
    return new AppPlan(app.name(), AppChange.ADDED, Optional.empty(), Optional.of(app.version()),
        List.of(new Instruction.AddApplication()),
        List.of(new Instruction.RemoveApplication(), new Instruction.Purge()), Optional.empty(), List.of(Note.app("add_application", Risk.MEDIUM,
            "new application " + app.name() + " " + app.version() + ": add_application")));
  }

  static AppPlan removed(AppSpec app) {
    if (app.isLibrary()) {
      return new AppPlan(app.name(), AppChange.REMOVED, Optional.of(app.version()), Optional.empty(),
          List.of(), List.of(), Optional.empty(), List.of(Note.app("none", Risk.LOW, "library "
              + app.name() + " " + app.version() + " is not in the new release: the applications"
              + " whose class path loses it restart")));
    }
    return new AppPlan(app.name(), AppChange.REMOVED, Optional.of(app.version()), Optional.empty(),
        List.of(new Instruction.RemoveApplication(), new Instruction.Purge()),
        List.of(new Instruction.AddApplication()), Optional.empty(), List.of(Note.app("remove_application", Risk.MEDIUM,
            app.name() + " " + app.version() + " is not in the new release: remove_application")));
  }

  static AppPlan changed(AppSpec old, AppSpec neu, Optional<AppDiff> diff, List<String> depReasons,
      Overrides overrides, Dependents dependents) throws AppupException {
    AppChange change = old.version().equals(neu.version()) ? AppChange.UNCHANGED : AppChange.CHANGED;
    AppupGenerator.Generated generated;
    if (diff.isEmpty() || diff.get().from().isEmpty()) {
      List<String> reasons = new ArrayList<>(depReasons);
      reasons.addAll(AppLevelChecks.reasons(old, neu, diff.orElse(
          dev.molt.appup.diff.AppDiffer.identical(neu.name(), old.version(), neu.version()))));
      if (reasons.isEmpty()) {
        List<Note> notes = change == AppChange.CHANGED
            ? List.of(Note.app("none", Risk.LOW, "version " + old.version() + " -> " + neu.version()
                + " with identical jars: nothing to run"))
            : List.of();
        return new AppPlan(neu.name(), change, Optional.of(old.version()), Optional.of(neu.version()),
            List.of(), List.of(), Optional.empty(), notes);
      }
      generated = AppupGenerator.restartOnly(old, neu, reasons);
    } else {
      generated = AppupGenerator.generate(old, neu, diff.get(), depReasons, dependents);
    }
    Optional<Overrides.AppupOverride> override = overrides.find(neu.name(), old.version(), neu.version());
    if (override.isPresent()) {
      AppDiff d = diff.orElseThrow();
      OverrideValidator.validate(override.get().file(), override.get().appup(), d.from().orElseThrow(),
          d.to().orElseThrow());
      List<Note> notes = new ArrayList<>(generated.notes());
      notes.add(0, Note.app("override", OverrideRisk.of(override.get().appup()), "appup replaced by "
          + override.get().file() + " (generated: " + ops(generated.appup().up()) + ")"));
      Appup o = override.get().appup();
      return new AppPlan(neu.name(), change, Optional.of(old.version()), Optional.of(neu.version()),
          o.up(), o.down(), Optional.of(override.get().file().toString()), notes);
    }
    Appup g = generated.appup();
    return new AppPlan(neu.name(), change, Optional.of(old.version()), Optional.of(neu.version()),
        g.up(), g.down(), Optional.empty(), generated.notes());
  }

  /**
   * The plan of a library that needs a new loader: no instruction of its own, since the
   * applications holding it restart (they are planned after it and see it restarting).
   */
  static AppPlan carriedByApplications(AppPlan library, List<AppSpec> holders) {
    List<Note> notes = new ArrayList<>();
    notes.add(Note.app("none", Risk.HIGH, "library " + library.app() + " needs a new class loader:"
        + " the applications holding it restart (" + String.join(", ", holders.stream()
        .map(AppSpec::name).toList()) + ")"));
    library.notes().stream().filter(n -> !n.op().equals("restart_application")).forEach(notes::add);
    library.notes().stream().filter(n -> n.op().equals("restart_application"))
        .filter(n -> !n.message().startsWith("restart_application:"))
        .map(n -> Note.app("none", n.risk(), n.message())).forEach(notes::add);
    return new AppPlan(library.app(), library.change(), library.fromVersion(), library.toVersion(),
        List.of(), List.of(), library.overridden(), notes);
  }

  static String ops(List<Instruction> list) {
    return list.isEmpty() ? "nothing" : String.join(", ", list.stream().map(Instruction::op).toList());
  }
}

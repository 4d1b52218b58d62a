package dev.molt.upgrade.check;

import dev.molt.format.FormatException;
import dev.molt.format.Instruction;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.Relup;
import dev.molt.format.RelupPlan;
import dev.molt.format.RelupStep;
import dev.molt.format.ShortNames;
import dev.molt.format.UpgradeFormats;
import dev.molt.kernel.node.JarMismatchException;
import dev.molt.kernel.node.JarVerifier;
import dev.molt.kernel.node.Node;
import dev.molt.upgrade.purge.LoaderPurge;
import dev.molt.upgrade.Direction;
import dev.molt.upgrade.ExitCodes;
import dev.molt.upgrade.UpgradeException;
import dev.molt.upgrade.UpgradeRequest;
import dev.molt.upgrade.hook.HookStep;
import dev.molt.upgrade.state.BootOnce;
import dev.molt.upgrade.step.AdoptReleaseStep;
import dev.molt.upgrade.step.RestartJvmStep;
import dev.molt.upgrade.step.Step;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check phase: before anything changes, finds the relup from the running version, the new
 * release's descriptor and jars (checksums), every class and method the plan names, and loads the
 * new classes in throwaway loaders. Reports every problem at once; changes nothing.
 */
public final class PlanChecker {
  private final Node node;
  private final Optional<Instrumentation> instrumentation;
  private final Map<String, String> env;
  private final PrintStream log;
  private final LoaderPurge purge;

  public PlanChecker(Node node, Optional<Instrumentation> instrumentation, Map<String, String> env,
      PrintStream log, LoaderPurge purge) {
    this.purge = purge;
    this.node = node;
    this.instrumentation = instrumentation;
    this.env = Map.copyOf(env);
    this.log = log;
  }

  /** @throws UpgradeException with exit code {@link ExitCodes#CHECK_FAILED} listing every problem */
  public CheckedPlan check(UpgradeRequest request) throws UpgradeException {
    String running = node.descriptor().version();
    String target = request.version();
    String name = node.descriptor().name();
    if (target.equals(running)) {
      throw failed(request, List.of("the node already runs " + name + " " + running));
    }
    ReleaseDescriptor next = readRelease(request, target);
    Problems problems = new Problems();
    Optional<RelupPlan> plan = relupPlan(request, running, problems);
    boolean restartsJvm = plan.map(PlanChecker::restartsJvm).orElse(false);
    // a new kernel is what restart_jvm is for: the new JVM boots it
    if (!restartsJvm
        && !next.kernel().version().equals(node.descriptor().kernel().version())) {
      problems.add("release " + target + " has kernel " + next.kernel().version() + ", the node"
          + " runs kernel " + node.descriptor().kernel().version() + "; a new kernel needs a"
          + " restart: run make_permanent " + target + ", then reboot");
    }
    try {
      JarVerifier.verify(node.root(), next);
    } catch (JarMismatchException e) {
      problems.add(e.getMessage());
    }
    List<Step> steps = new ArrayList<>();
    if (plan.isPresent() && problems.isEmpty()) {
      steps = restartsJvm ? restartSteps(request, running, next, plan.get(), problems)
          : steps(request, running, next, plan.get(), problems);
    }
    if (!problems.isEmpty()) {
      throw failed(request, problems.list());
    }
    return new CheckedPlan(running, next, request.direction(), steps);
  }

  private List<Step> steps(UpgradeRequest request, String running, ReleaseDescriptor next,
      RelupPlan plan, Problems problems) {
    List<Step> steps = new ArrayList<>();
    steps.add(hooks("pre_upgrade", request, running, next));
    try (TrialLoaders trial = new TrialLoaders(node.root(), next, problems)) {
      StepFactory factory = factory(request, running, next, plan, trial, problems);
      int noReturn = plan.pointOfNoReturn();
      for (int i = 0; i < plan.steps().size(); i++) {
        if (i == noReturn) {
          // the node takes the new release's name, and post_upgrade checks it, while a failure
          // can still be undone
          steps.add(new AdoptReleaseStep(node, node.descriptor(), next));
          steps.add(hooks("post_upgrade", request, running, next));
        }
        RelupStep step = plan.steps().get(i);
        factory.of(step).ifPresent(steps::add);
      }
    }
    return steps;
  }

  private StepFactory factory(UpgradeRequest request, String running, ReleaseDescriptor next,
      RelupPlan plan, TrialLoaders trial, Problems problems) {
    return new StepFactory(node, next, instrumentation, trial, problems, env, log, purge,
        request.direction().command() + " " + running + " -> " + next.version(),
        request.direction(), ShortNames.among(classesNamed(plan)));
  }

  /** Every class the plan's define and redefine steps name: their lines name each unambiguously. */
  static List<String> classesNamed(RelupPlan plan) {
    List<String> classes = new ArrayList<>();
    for (RelupStep step : plan.steps()) {
      if (step.instruction() instanceof Instruction.Redefine r) {
        classes.addAll(r.classes());
      } else if (step.instruction() instanceof Instruction.Define d) {
        classes.addAll(d.classes());
      }
    }
    return classes;
  }

  private static boolean restartsJvm(RelupPlan plan) {
    return plan.steps().stream().anyMatch(s -> s.instruction() instanceof Instruction.RestartJvm);
  }

  /**
   * A plan with {@code restart_jvm}: pre_upgrade hooks and the steps before it run in this JVM
   * (a {@code point_of_no_return} there means nothing: until the new JVM commits, a failure boots
   * the permanent release); the new JVM boots the whole new release, then runs post_upgrade and
   * commits ({@link dev.molt.upgrade.RestartFinish}). After {@code restart_jvm} only
   * {@code point_of_no_return} and {@code purge} may follow: there is nothing left to change.
   */
  private List<Step> restartSteps(UpgradeRequest request, String running, ReleaseDescriptor next,
      RelupPlan plan, Problems problems) {
    List<Step> steps = new ArrayList<>();
    steps.add(hooks("pre_upgrade", request, running, next));
    boolean after = false;
    try (TrialLoaders trial = new TrialLoaders(node.root(), next, problems)) {
      StepFactory factory = factory(request, running, next, plan, trial, problems);
      for (RelupStep step : plan.steps()) {
        Instruction i = step.instruction();
        if (i instanceof Instruction.RestartJvm r) {
          if (after) {
            problems.add("the plan has restart_jvm twice; regenerate the relup");
          }
          after = true;
          steps.add(new RestartJvmStep(new BootOnce(node.root()), next.version(), r.reason()));
        } else if (i instanceof Instruction.PointOfNoReturn || i instanceof Instruction.Purge) {
          continue;
        } else if (after) {
          problems.add(i.op() + step.app().map(a -> " " + a).orElse("") + " comes after"
              + " restart_jvm, where the new JVM has booted the whole new release and there is"
              + " nothing left to change; put it before restart_jvm, or regenerate the relup");
        } else {
          factory.of(step).ifPresent(steps::add);
        }
      }
    }
    return steps;
  }

  /**
   * The {@code pre_upgrade} or {@code post_upgrade} hooks of {@code next} for a move from
   * {@code running}; also used by the new JVM that finishes a {@code restart_jvm} upgrade.
   */
  public HookStep hooks(String phase, UpgradeRequest request, String running,
      ReleaseDescriptor next) {
    Map<String, String> hookEnv = new HashMap<>(env);
    hookEnv.put("RELEASE_ROOT", node.root().toString());
    hookEnv.put("RELEASE_NAME", next.name());
    hookEnv.put("RELEASE_VSN", next.version());
    hookEnv.put("MOLT_UPGRADE_FROM", running);
    hookEnv.put("MOLT_UPGRADE_TO", next.version());
    hookEnv.put("MOLT_UPGRADE_DIRECTION", request.direction().word());
    Path dir = node.root().resolve("releases").resolve(next.version()).resolve("hooks")
        .resolve(phase);
    return new HookStep(phase, dir, hookEnv, request.hookTimeout(), log);
  }

  private ReleaseDescriptor readRelease(UpgradeRequest request, String target)
      throws UpgradeException {
    Path file = node.root().resolve("releases").resolve(target).resolve("release.json");
    if (!Files.isRegularFile(file)) {
      throw failed(request, List.of("release " + target + " is not installed: " + file
          + " is missing; unpack its upgrade package or release tarball first (bin/"
          + node.descriptor().name() + " unpack <file>)"));
    }
    try {
      ReleaseDescriptor next = Formats.readRelease(file);
      if (!next.name().equals(node.descriptor().name()) || !next.version().equals(target)) {
        throw failed(request, List.of(file + " is release " + next.name() + " " + next.version()
            + ", not " + node.descriptor().name() + " " + target + "; reinstall it"));
      }
      return next;
    } catch (FormatException e) {
      throw failed(request, List.of(e.getMessage()));
    }
  }

  /** The plan from the running version: in the target's relup going up, the running's going down. */
  private Optional<RelupPlan> relupPlan(UpgradeRequest request, String running,
      Problems problems) {
    String target = request.version();
    boolean up = request.direction() == Direction.UP;
    Path file = node.root().resolve("releases").resolve(up ? target : running)
        .resolve("relup.json");
    if (!Files.isRegularFile(file)) {
      problems.add(noRelup(file, node.descriptor().name(), running, target, up));
      return Optional.empty();
    }
    try {
      Relup relup = UpgradeFormats.readRelup(file);
      Optional<RelupPlan> plan = up ? relup.upFrom(running) : relup.downTo(target);
      if (plan.isEmpty()) {
        problems.add(file + " has no plan " + (up ? "up from " : "down to ")
            + (up ? running : target) + "; " + (up ? "is " + target + " older than "
            + running + "? then run downgrade " : "is " + target + " newer than " + running
            + "? then run upgrade ") + target + ", else regenerate the relup");
      }
      return plan;
    } catch (FormatException e) {
      problems.add(e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Why there is no plan, and the remedy a Maven user can follow: a release tarball of
   * {@code molt:release} holds no relup (it does not know which release it will replace); the
   * upgrade package does.
   */
  static String noRelup(Path file, String name, String running, String target, boolean up) {
    if (up) {
      return "no relup " + file + ": release " + target + " was installed without one (a release"
          + " tarball holds none; the upgrade package does); build the package from " + running
          + " with mvn package molt:release molt:upgrade-package -Dmolt.env=prod -Dmolt.upfrom=<"
          + name + "-" + running + ".tar.gz>, then run bin/" + name + " remove " + target
          + " and bin/" + name + " unpack " + name + "-" + target + "-upgrade.tar.gz";
    }
    return "no relup " + file + ": the running release " + running + " was installed without"
        + " one, so no plan leads down to " + target + "; install " + running + " from its upgrade"
        + " package next time, or move to " + target + " in a new JVM: bin/" + name
        + " make_permanent " + target + ", then bin/" + name + " reboot";
  }

  private UpgradeException failed(UpgradeRequest request, List<String> problems) {
    StringBuilder text = new StringBuilder(request.direction().command() + " to "
        + request.version() + " refused by the check; nothing was changed:");
    problems.forEach(p -> text.append("\n  - ").append(p));
    return new UpgradeException(ExitCodes.CHECK_FAILED, text.toString(), List.of());
  }
}

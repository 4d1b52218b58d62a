package dev.molt.upgrade.check;

import dev.molt.format.AppSpec;
import dev.molt.format.Instruction;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.ShortNames;
import dev.molt.format.RelupStep;
import dev.molt.kernel.loader.AppClassLoader;
import dev.molt.kernel.node.AppFailure;
import dev.molt.kernel.node.Node;
import dev.molt.upgrade.purge.LoaderPurge;
import dev.molt.kernel.node.NodeApp;
import dev.molt.format.UpgradeSettings;
import dev.molt.services.app.AppServices;
import dev.molt.services.update.UnitCheck;
import dev.molt.services.update.UnitUpdate;
import dev.molt.upgrade.Direction;
import dev.molt.upgrade.update.ClassViews;
import dev.molt.upgrade.update.UpdateStep;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import dev.molt.upgrade.step.AddApplicationStep;
import dev.molt.upgrade.step.ApplyStep;
import dev.molt.upgrade.step.ClassBytes;
import dev.molt.upgrade.step.DefineStep;
import dev.molt.upgrade.step.PointOfNoReturnStep;
import dev.molt.upgrade.step.PurgeStep;
import dev.molt.upgrade.step.RedefineStep;
import dev.molt.upgrade.step.RemoveApplicationStep;
import dev.molt.upgrade.step.RestartApplicationStep;
import dev.molt.upgrade.step.RetiredLoaders;
import dev.molt.upgrade.step.Step;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns each relup step into a prepared {@link Step}, reading every byte it will need now, so the
 * steps themselves cannot fail for a missing file. Each problem found is added to the list; a
 * step with a problem is not built.
 */
final class StepFactory {
  private final Node node;
  private final Path root;
  private final ReleaseDescriptor next;
  private final Optional<Instrumentation> instrumentation;
  private final TrialLoaders trial;
  private final Problems problems;
  private final Map<String, String> env;
  private final PrintStream log;
  private final RetiredLoaders retired = new RetiredLoaders();
  private final LoaderPurge purge;
  private final String purgeCause;
  private final Direction direction;
  private final ShortNames names;

  /** @param names how the plan's lines name classes: among every class the plan names */
  StepFactory(Node node, ReleaseDescriptor next, Optional<Instrumentation> instrumentation,
      TrialLoaders trial, Problems problems, Map<String, String> env, PrintStream log,
      LoaderPurge purge, String purgeCause, Direction direction, ShortNames names) {
    this.names = names;
    this.purge = purge;
    this.purgeCause = purgeCause;
    this.direction = direction;
    this.env = env;
    this.log = log;
    this.node = node;
    this.root = node.root();
    this.next = next;
    this.instrumentation = instrumentation;
    this.trial = trial;
    this.problems = problems;
  }

  Optional<Step> of(RelupStep step) {
    String app = step.app().orElse("");
    Instruction i = step.instruction();
    if (i instanceof Instruction.Redefine r) {
      return redefine(app, r.classes());
    } else if (i instanceof Instruction.Define d) {
      return define(app, d.classes());
    } else if (i instanceof Instruction.Apply a) {
      return apply(app, a);
    } else if (i instanceof Instruction.PointOfNoReturn) {
      return Optional.of(new PointOfNoReturnStep());
    } else if (i instanceof Instruction.Purge) {
      return Optional.of(new PurgeStep(app, retired, purge, purgeCause));
    } else if (i instanceof Instruction.RestartApplication) {
      return restart(app);
    } else if (i instanceof Instruction.AddApplication) {
      return add(app);
    } else if (i instanceof Instruction.RemoveApplication) {
      return remove(app);
    } else if (i instanceof Instruction.Update u) {
      return update(app, u);
    }
    return refuse(i.op() + step.app().map(a -> " " + a).orElse("") + ": not run live by this"
        + " engine yet; to move to " + next.version()
        + " by a restart instead, run make_permanent " + next.version() + ", then reboot");
  }

  private Optional<Step> refuse(String problem) {
    problems.add(problem);
    return Optional.empty();
  }

  private Optional<Step> redefine(String app, List<String> classes) {
    if (instrumentation.isEmpty() || !instrumentation.get().isRedefineClassesSupported()) {
      return refuse("redefine " + app + ": the JVM has no Instrumentation that can redefine"
          + " classes; start the node with bin/<name> (it passes the kernel as -javaagent)");
    }
    Optional<AppSpec> running = node.app(app).map(a -> a.spec());
    Optional<AppSpec> target = next.app(app);
    if (running.isEmpty() || target.isEmpty()) {
      return refuse("redefine " + app + ": the app is not in both releases " + node.descriptor()
          .version() + " and " + next.version() + "; regenerate the relup");
    }
    List<AppClassLoader> loaders = ReleaseJars.loadersHolding(node, app);
    for (String name : classes) { // against the live class: a unit's class is its unit loader's
      trial.requireSameSchemas(app, List.of(name),
          loaders.stream().map(l -> ClassViews.holderOf(node, l, name)).toList());
    }
    Map<String, byte[]> nextBytes = bytes(app, ReleaseJars.own(root, target.get()), classes,
        next.version());
    Map<String, byte[]> previousBytes = bytes(app, ReleaseJars.own(root, running.get()), classes,
        node.descriptor().version());
    if (nextBytes.size() < classes.size() || previousBytes.size() < classes.size()) {
      return Optional.empty();
    }
    return Optional.of(new RedefineStep(app, classes, loaders, nextBytes, previousBytes,
        instrumentation.get(), (loader, name) -> ClassViews.holderOf(node, loader, name), names));
  }

  private Optional<Step> define(String app, List<String> classes) {
    Optional<AppSpec> target = next.app(app);
    if (node.app(app).isEmpty() || target.isEmpty()) {
      return refuse("define " + app + ": the app is not in both releases; regenerate the relup");
    }
    Map<String, byte[]> bytes = bytes(app, ReleaseJars.own(root, target.get()), classes,
        next.version());
    trial.loadAll(app, classes);
    if (bytes.size() < classes.size()) {
      return Optional.empty();
    }
    return Optional.of(new DefineStep(app, classes, ReleaseJars.loadersHolding(node, app), bytes,
        instrumentation, (loader, name) -> ClassViews.holderOf(node, loader, name), names));
  }

  /**
   * {@code update}: the service runs from that unit, and the new version's unit loads, verifies
   * and carries what the update needs ({@link UnitCheck}), in a throwaway loader above the new
   * release's class path.
   */
  private Optional<Step> update(String app, Instruction.Update u) {
    Optional<NodeApp> running = node.app(app).filter(a -> a.loader().isPresent());
    Optional<AppSpec> target = next.app(app).filter(a -> !a.isLibrary());
    if (running.isEmpty() || target.isEmpty()) {
      return refuse("update " + app + " (" + u.service() + "): the app is not an application of"
          + " both releases " + node.descriptor().version() + " and " + next.version()
          + "; regenerate the relup");
    }
    Optional<AppServices> services = running.get().services();
    if (services.isEmpty()) {
      return refuse("update " + app + " (" + u.service() + "): " + app + " is not running, so"
          + " it publishes no service; start it, or move by restart_application");
    }
    UpgradeSettings bounds = next.upgrade();
    UnitUpdate.Request request = new UnitUpdate.Request(u.service(), u.unit(), u.migration(),
        urls(ReleaseJars.own(root, target.get())), running.get().version(),
        target.get().version(), direction == Direction.UP,
        Duration.ofMillis(bounds.updateDrainMs()), Duration.ofMillis(bounds.updatePauseMs()));
    List<String> found = UnitCheck.problems(services.get(), request, trial.loaderOf(app),
        "update " + app + " (" + u.service() + ")");
    if (!found.isEmpty()) {
      found.forEach(problems::add);
      return Optional.empty();
    }
    return Optional.of(new UpdateStep(app, new UnitUpdate(services.get(), request), retired,
        log));
  }

  private static List<URL> urls(List<Path> jars) {
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      try {
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalStateException("not a file path: " + jar, e);
      }
    }
    return urls;
  }

  private Optional<Step> restart(String app) {
    Optional<AppSpec> target = next.app(app).filter(a -> !a.isLibrary());
    if (node.app(app).flatMap(a -> a.loader()).isEmpty() || target.isEmpty()) {
      return refuse("restart_application " + app + ": the app is not an application of both"
          + " releases " + node.descriptor().version() + " and " + next.version()
          + "; regenerate the relup");
    }
    trial.loadAll(app, List.of(target.get().entry().orElseThrow().className()));
    return Optional.of(new RestartApplicationStep(node, app, next, env, mainFailure(app),
        retired, direction == Direction.UP));
  }

  private Optional<Step> add(String app) {
    Optional<AppSpec> target = next.app(app).filter(a -> !a.isLibrary());
    if (node.app(app).isPresent() || target.isEmpty()) {
      return refuse("add_application " + app + ": it must be an application of " + next.version()
          + " that the node does not run; regenerate the relup");
    }
    trial.loadAll(app, List.of(target.get().entry().orElseThrow().className()));
    return Optional.of(new AddApplicationStep(node, app, next, env, mainFailure(app)));
  }

  private Optional<Step> remove(String app) {
    if (node.app(app).flatMap(a -> a.loader()).isEmpty()) {
      return refuse("remove_application " + app + ": no application " + app + " runs in the"
          + " node; regenerate the relup");
    }
    return Optional.of(new RemoveApplicationStep(node, app, mainFailure(app), retired));
  }

  private Consumer<AppFailure> mainFailure(String app) {
    return f -> log.println("molt: app " + f.app() + " " + f.version() + " main failed after a"
        + " live upgrade step: " + f.error());
  }

  private Optional<Step> apply(String app, Instruction.Apply apply) {
    Optional<AppClassLoader> loader = node.app(app).flatMap(a -> a.loader());
    if (loader.isEmpty()) {
      return refuse("apply " + app + ": no running application " + app + " to run "
          + apply.className() + "." + apply.method() + " in");
    }
    trial.requireStaticMethod(app, apply.className(), apply.method());
    return Optional.of(new ApplyStep(app, apply.className(), apply.method(), loader.get()));
  }

  private Map<String, byte[]> bytes(String app, List<Path> jars, List<String> classes,
      String version) {
    Map<String, byte[]> found = new HashMap<>();
    for (String name : classes) {
      try {
        ClassBytes.read(jars, name).ifPresentOrElse(b -> found.put(name, b),
            () -> problems.add("class " + name + " is not in the jars of " + app + " in release "
                + version + " " + jars + "; regenerate the relup, or restore the release"));
      } catch (IOException e) {
        problems.add("cannot read " + jars + " of " + app + " " + version + ": " + e);
      }
    }
    return found;
  }
}

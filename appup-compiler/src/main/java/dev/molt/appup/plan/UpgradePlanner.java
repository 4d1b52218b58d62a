package dev.molt.appup.plan;

import dev.molt.appup.diff.AppDiff;
import dev.molt.appup.diff.ClassFiles;
import dev.molt.appup.error.AppupException;
import dev.molt.appup.error.InvalidReleaseException;
import dev.molt.appup.input.LoadedRelease;
import dev.molt.appup.override.Overrides;
import dev.molt.archive.JarContents;
import dev.molt.format.AppSpec;
import dev.molt.format.JarRef;
import dev.molt.format.ReleaseDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the upgrade from one earlier release to the new one and back: diffs the changed apps in
 * parallel, chooses each app's instructions in dependency order (an app restarts when an app it
 * depends on restarts), applies overrides, and orders the relup. Stateless and thread-safe.
 *
 * <p>A library has no class loader of its own (docs/class-loading.md): its classes live in the
 * loaders of the applications holding it on their class path. Its body-only changes stay
 * {@code redefine}s (the engine applies them in each of those loaders); a change that needs a new
 * loader is carried out by restarting those applications, and the library itself gets no
 * instruction.
 */
public final class UpgradePlanner {
  private UpgradePlanner() {}

  /** The path from {@code from} to {@code to}; both must be of the same release. */
  public static UpgradePath plan(LoadedRelease from, LoadedRelease to, Overrides overrides)
      throws AppupException {
    ReleaseDescriptor f = from.descriptor();
    ReleaseDescriptor t = to.descriptor();
    requireNewVersionsForNewCode(from, to);
    Map<String, AppDiff> diffs = ParallelDiff.changedApps(from, to, overrides);
    List<AppPlan> plans = new ArrayList<>();
    Set<String> restarting = new HashSet<>();
    Dependents dependents = dependents(from, to);
    for (AppSpec app : t.apps()) {
      Optional<AppSpec> old = f.app(app.name());
      List<String> depReasons = new ArrayList<>();
      app.dependsOn().stream().filter(restarting::contains).filter(d -> !app.classPath().contains(d))
          .forEach(d -> depReasons.add("depends on " + d + ", which restarts"));
      app.classPath().stream().filter(restarting::contains)
          .forEach(d -> depReasons.add("library " + d + " on its class path needs a new loader"));
      AppPlan plan = old.isEmpty() ? AppPlans.added(app)
          : AppPlans.changed(old.get(), app, Optional.ofNullable(diffs.get(app.name())), depReasons, overrides,
              dependents);
      if (plan.restarts()) {
        restarting.add(app.name());
        plan = app.isLibrary() ? AppPlans.carriedByApplications(plan, t.applicationsHolding(app.name())) : plan;
      }
      plans.add(plan);
    }
    List<AppSpec> removed = new ArrayList<>(f.apps().stream().filter(a -> t.app(a.name()).isEmpty()).toList());
    java.util.Collections.reverse(removed);
    removed.forEach(a -> plans.add(AppPlans.removed(a)));
    Optional<String> restartJvm = NodeChecks.restartJvmReason(f, t)
        .or(() -> NodeChecks.askedByOverride(plans))
        .or(() -> NodeChecks.plainAppStopped(f, t, plans));
    return new UpgradePath(f.version(), t.version(), plans, restartJvm,
        RelupAssembler.up(f.version(), plans, restartJvm),
        RelupAssembler.down(f.version(), plans, restartJvm));
  }

  /**
   * The classes of the apps depending on an app, directly or through others, in either release:
   * read on demand, when the app has a service unit to update, and kept for the other units.
   */
  private static Dependents dependents(LoadedRelease from, LoadedRelease to) {
    Map<String, ClassFiles> read = new java.util.concurrent.ConcurrentHashMap<>();
    return (app, newer) -> {
      LoadedRelease release = newer ? to : from;
      List<ClassFiles> out = new ArrayList<>();
      for (AppSpec a : dependentsOf(release.descriptor(), app)) {
        String key = release.version() + "/" + a.name();
        ClassFiles files = read.get(key);
        if (files == null) {
          files = ClassFiles.read(a.name(), a.version(), release.jars(a));
          read.put(key, files);
        }
        out.add(files);
      }
      return out;
    };
  }

  private static List<AppSpec> dependentsOf(ReleaseDescriptor release, String app) {
    Set<String> names = new HashSet<>(Set.of(app));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (AppSpec a : release.apps()) {
        boolean depends = a.dependsOn().stream().anyMatch(names::contains)
            || a.classPath().stream().anyMatch(names::contains);
        if (depends && names.add(a.name())) {
          grew = true;
        }
      }
    }
    names.remove(app);
    return release.apps().stream().filter(a -> names.contains(a.name())).toList();
  }

  /**
   * Same jar files by name and same contents: entry names and bytes, whatever the entry times, so
   * that a library rebuilt from unchanged sources is not new code.
   */
  private static boolean sameJars(LoadedRelease from, AppSpec a, LoadedRelease to, AppSpec b)
      throws InvalidReleaseException {
    if (a.jars().equals(b.jars())) {
      return true;
    }
    List<String> namesA = a.jars().stream().map(JarRef::file).toList();
    List<String> namesB = b.jars().stream().map(JarRef::file).toList();
    if (!namesA.equals(namesB)) {
      return false;
    }
    try {
      return JarContents.same(from.jars(a), to.jars(b));
    } catch (IOException e) {
      throw new InvalidReleaseException("cannot compare the jars of app " + a.name() + " " + a.version()
          + " in " + from.version() + " and " + to.version() + ": " + e.getMessage()
          + "; rebuild the release (a jar is missing or damaged)", e);
    }
  }

  /**
   * An app whose code changed must change version: its directory {@code lib/<app>-<vsn>/} is
   * shared by both releases on a node, so the new jars would overwrite the running ones. The
   * kernel's jars are compared by bytes: they are Molt's own reproducible artifacts.
   */
  private static void requireNewVersionsForNewCode(LoadedRelease from, LoadedRelease to)
      throws InvalidReleaseException {
    for (AppSpec app : to.descriptor().apps()) {
      Optional<AppSpec> old = from.descriptor().app(app.name());
      if (old.isPresent() && old.get().version().equals(app.version()) && !sameJars(from, old.get(), to, app)) {
        throw new InvalidReleaseException("app " + app.name() + " is version " + app.version()
            + " in both " + from.version() + " and " + to.version() + " of release " + to.name()
            + ", but its jars differ in content; give it a new version (lib/" + app.name() + "-"
            + app.version() + " would be overwritten on the node)");
      }
    }
    var fk = from.descriptor().kernel();
    var tk = to.descriptor().kernel();
    if (fk.version().equals(tk.version()) && !fk.jars().equals(tk.jars())) {
      throw new InvalidReleaseException("the kernel is version " + tk.version() + " in both "
          + from.version() + " and " + to.version() + " of release " + to.name()
          + ", but its jars differ; build the new release with a new kernel version");
    }
  }
}

package dev.molt.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The contents of {@code releases/<vsn>/release.json}: which apps at which versions make the
 * release, their dependency edges, jars with checksums, entry points, the kernel, the runtime and
 * the bounds of a live service update.
 *
 * <p>The compact constructor checks the invariants that span apps: unique names, every
 * {@code dependsOn} names an app of the release, no cycles, and apps listed dependencies first.
 *
 * <p>{@code trial}: the health check of an upgrade to this release ({@code upgrade.trial});
 * {@code upgrade}: the bounds of a live service update ({@code upgrade.update_pause_ms},
 * {@code upgrade.update_drain_ms}).
 */
public record ReleaseDescriptor(
    String name,
    String version,
    String environment,
    KernelRef kernel,
    RuntimeSpec runtime,
    List<AppSpec> apps,
    List<CommandSpec> commands,
    Optional<TrialCheck> trial,
    UpgradeSettings upgrade) {

  /** The schema version this code writes and reads. */
  public static final int SCHEMA = 1;

  /** A release without a trial health check, with the default {@link UpgradeSettings}. */
  public ReleaseDescriptor(String name, String version, String environment, KernelRef kernel,
      RuntimeSpec runtime, List<AppSpec> apps, List<CommandSpec> commands) {
    this(name, version, environment, kernel, runtime, apps, commands, Optional.empty(),
        UpgradeSettings.DEFAULTS);
  }

  /** A release with a trial health check (or none), with the default {@link UpgradeSettings}. */
  public ReleaseDescriptor(String name, String version, String environment, KernelRef kernel,
      RuntimeSpec runtime, List<AppSpec> apps, List<CommandSpec> commands,
      Optional<TrialCheck> trial) {
    this(name, version, environment, kernel, runtime, apps, commands, trial,
        UpgradeSettings.DEFAULTS);
  }

  public ReleaseDescriptor {
    Objects.requireNonNull(trial, "trial");
    Names.requireName(name, "release name");
    Names.requireVersion(version, "release version");
    Names.requireName(environment, "environment");
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(upgrade, "upgrade");
    apps = List.copyOf(apps);
    commands = List.copyOf(commands);
    checkApps(apps);
    apps = List.copyOf(ClassPaths.complete(apps, byName(apps)));
    checkClassPathOrder(apps);
    checkCommands(commands);
  }

  /** A release without a trial health check, with these {@link UpgradeSettings}. */
  public ReleaseDescriptor(String name, String version, String environment, KernelRef kernel,
      RuntimeSpec runtime, List<AppSpec> apps, List<CommandSpec> commands,
      UpgradeSettings upgrade) {
    this(name, version, environment, kernel, runtime, apps, commands, Optional.empty(), upgrade);
  }

  /** The app named {@code name}, if the release has it. */
  public Optional<AppSpec> app(String name) {
    return apps.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /**
   * The applications whose class loaders the loader of application {@code app} delegates to
   * (those it reaches through {@code dependsOn}, directly or through libraries), nearest first.
   */
  public List<String> delegatesOf(AppSpec app) {
    return ClassPaths.delegates(app, byName(apps));
  }

  /** The applications whose class path holds library {@code library}. */
  public List<AppSpec> applicationsHolding(String library) {
    return apps.stream().filter(a -> a.classPath().contains(library)).toList();
  }

  private static Map<String, AppSpec> byName(List<AppSpec> apps) {
    Map<String, AppSpec> byName = new HashMap<>();
    apps.forEach(a -> byName.put(a.name(), a));
    return byName;
  }

  private static void checkClassPathOrder(List<AppSpec> apps) {
    Set<String> listed = new HashSet<>();
    for (AppSpec app : apps) {
      for (String lib : app.classPath()) {
        if (!listed.contains(lib)) {
          throw new IllegalArgumentException("app " + app.name() + " is listed before " + lib
              + ", a library of its class path (apps must be listed after their libraries)");
        }
      }
      listed.add(app.name());
    }
  }

  private static void checkApps(List<AppSpec> apps) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < apps.size(); i++) {
      if (position.put(apps.get(i).name(), i) != null) {
        throw new IllegalArgumentException("app " + apps.get(i).name() + " is listed twice");
      }
    }
    for (int i = 0; i < apps.size(); i++) {
      AppSpec app = apps.get(i);
      for (String dep : app.dependsOn()) {
        Integer at = position.get(dep);
        if (at == null) {
          throw new IllegalArgumentException(
              "app " + app.name() + " depends on " + dep + ", which is not in the release");
        }
        if (at >= i) {
          throw new IllegalArgumentException(cycleOrOrder(apps, app, dep));
        }
      }
    }
  }

  private static String cycleOrOrder(List<AppSpec> apps, AppSpec app, String dep) {
    List<String> cycle = findCycle(apps);
    if (!cycle.isEmpty()) {
      return "apps depend on each other in a cycle: " + String.join(" -> ", cycle);
    }
    return "app " + app.name() + " is listed before its dependency " + dep
        + " (apps must be listed dependencies first)";
  }

  /** A dependency cycle among apps, as a path that ends where it starts; empty when acyclic. */
  static List<String> findCycle(List<AppSpec> apps) {
    Map<String, List<String>> edges = new HashMap<>();
    apps.forEach(a -> edges.put(a.name(), a.dependsOn()));
    Set<String> done = new HashSet<>();
    for (AppSpec app : apps) {
      List<String> path = new ArrayList<>();
      if (visit(app.name(), edges, done, path)) {
        return path;
      }
    }
    return List.of();
  }

  private static boolean visit(
      String node, Map<String, List<String>> edges, Set<String> done, List<String> path) {
    int at = path.indexOf(node);
    if (at >= 0) {
      path.add(node);
      path.subList(0, at).clear();
      return true;
    }
    if (done.contains(node)) {
      return false;
    }
    path.add(node);
    for (String dep : edges.getOrDefault(node, List.of())) {
      if (visit(dep, edges, done, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
    return false;
  }

  private static void checkCommands(List<CommandSpec> commands) {
    Set<String> seen = new HashSet<>();
    for (CommandSpec c : commands) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException("command " + c.name() + " is declared twice");
      }
    }
  }
}

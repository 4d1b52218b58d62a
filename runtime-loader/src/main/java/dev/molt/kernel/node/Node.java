package dev.molt.kernel.node;

import dev.molt.api.ApplicationContext;
import dev.molt.format.AppSpec;
import dev.molt.format.FormatException;
import dev.molt.format.Formats;
import dev.molt.format.JarRef;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.kernel.loader.AppClassLoader;
import dev.molt.kernel.loader.JdkAndApiLoader;
import dev.molt.services.app.AppServices;
import dev.molt.services.app.CarriedState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A running Molt node: the release it runs, its root, and one {@link NodeApp} per application and
 * library, each application with its class loader and state. The front door of the kernel: {@link #load} prepares a
 * node (reads, verifies, configures, builds loaders) without running app code; {@link #startApps}
 * and {@link #stopApps} run the apps' entry points in dependency order and in reverse.
 *
 * <p>Thread-safe, with no lock held while app code runs: the caller serializes {@link
 * #startApps} and {@link #stopApps} (the kernel's lifecycle does, with a state flag); each app
 * callback runs on its own thread, bounded by the node's {@link CallbackDeadline}.
 */
public final class Node {
  private volatile ReleaseDescriptor descriptor; // replaced by adopt after a live upgrade
  private final Path root;
  private final Instant startedAt;
  private volatile List<NodeApp> apps; // replaced (copy on write) by AppSet
  private final Map<String, Duration> loadTimings;
  private final Duration deadline;
  private final Object configSwap = new Object();

  private Node(ReleaseDescriptor descriptor, Path root, Instant startedAt, List<NodeApp> apps,
      Map<String, Duration> loadTimings, Duration deadline) {
    this.deadline = deadline;
    this.descriptor = descriptor;
    this.root = root;
    this.startedAt = startedAt;
    this.apps = List.copyOf(apps);
    this.loadTimings = Collections.unmodifiableMap(new LinkedHashMap<>(loadTimings));
  }

  /**
   * Reads and validates {@code release.json}, checks the apps' jars (when asked), reads and
   * resolves {@code config.json}, builds one class loader per app and creates the data directory
   * of every app with an entry point. Runs no app code.
   *
   * @throws ReleaseInvalidException when release.json is missing, invalid or of another version
   * @throws JarMismatchException naming the first jar that is missing, unreadable or changed
   * @throws ConfigException naming the setting and the variable that cannot be resolved, or an
   *     invalid {@link CallbackDeadline}
   */
  public static Node load(BootRequest request) throws KernelException {
    Instant startedAt = Instant.now();
    Duration deadline = CallbackDeadline.from(request.environment());
    Map<String, Duration> timings = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    ReleaseDescriptor release = readRelease(request);
    long t1 = lap(timings, "read release.json", t0);
    if (request.verifyJars()) {
      JarVerifier.verify(request.root(), release);
    }
    long t2 = lap(timings, "verify jars", t1);
    Map<String, AppConfig> configs =
        ConfigFile.read(request.releaseDir().resolve("config.json"), release, request.environment());
    long t3 = lap(timings, "read config.json", t2);
    List<NodeApp> apps = buildApps(request.root(), release, configs, request.environment());
    lap(timings, "build class loaders", t3);
    return new Node(release, request.root(), startedAt, apps, timings, deadline);
  }

  public ReleaseDescriptor descriptor() {
    return descriptor;
  }

  public Path root() {
    return root;
  }

  /**
   * Makes the node run {@code next} in name: after a live upgrade (or its rollback) has swapped
   * the apps' code in place, {@code describe}, {@code ApplicationContext.version()} and the
   * apps' versions follow the release now running. Apps of {@code next} the node does not have
   * are ignored (adding apps is not done here); class loaders are not touched.
   *
   * @throws IllegalArgumentException when {@code next} is another release's
   */
  public synchronized void adopt(ReleaseDescriptor next) {
    if (!next.name().equals(descriptor.name())) {
      throw new IllegalArgumentException("release " + next.name() + " is not " + descriptor.name());
    }
    for (NodeApp app : apps) {
      next.app(app.name()).ifPresent(app::spec);
    }
    descriptor = next;
  }

  /** Replaces the app list (an immutable copy); called by {@link AppSet} with the node locked. */
  void replaceApps(List<NodeApp> next) {
    apps = List.copyOf(next);
  }

  /** When {@link #load} began. */
  public Instant startedAt() {
    return startedAt;
  }

  /** Every app and library, in release.json order (dependencies first). */
  public List<NodeApp> apps() {
    return apps;
  }

  public Optional<NodeApp> app(String name) {
    return apps.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** How long each step of {@link #load} took, in order. */
  public Map<String, Duration> loadTimings() {
    return loadTimings;
  }

  /**
   * Starts every app with an entry point that is not running, in dependency order. If one fails,
   * the apps started before it are stopped in reverse order, then the failure is thrown.
   *
   * @param onMainFailure told (on the app's main thread) when a {@code main} method throws
   * @throws AppStartException naming the app; {@link AppStartException#rollbackFailures()} lists
   *     the apps that also failed to stop
   */
  public void startApps(Consumer<AppFailure> onMainFailure) throws AppStartException {
    List<NodeApp> started = new ArrayList<>();
    for (NodeApp app : apps) {
      if (app.spec().isLibrary() || app.state() == AppState.RUNNING) {
        continue;
      }
      app.state(AppState.STARTING);
      try {
        AppLauncher.start(app, app.spec().entry().orElseThrow(), context(app), onMainFailure,
            deadline);
      } catch (AppStartException e) {
        app.state(AppState.FAILED);
        Collections.reverse(started);
        e.rollbackFailures(stop(started));
        throw e;
      }
      // A main method may already have failed on its own thread: keep FAILED then.
      app.transition(AppState.STARTING, AppState.RUNNING);
      started.add(app);
    }
  }

  /**
   * Stops every running app in reverse dependency order. A failing stop does not prevent the
   * others from being stopped.
   *
   * @return the apps whose stop threw; empty when all stopped cleanly
   */
  public List<AppFailure> stopApps() {
    List<NodeApp> reverse = new ArrayList<>(apps);
    Collections.reverse(reverse);
    return stop(reverse);
  }

  private List<AppFailure> stop(List<NodeApp> inOrder) {
    List<AppFailure> failures = new ArrayList<>();
    for (NodeApp app : inOrder) {
      if (app.state() != AppState.RUNNING && app.state() != AppState.FAILED) {
        continue;
      }
      app.state(AppState.STOPPING);
      try {
        AppLauncher.stop(app, deadline);
      } catch (Exception | LinkageError e) { // app code: report and go on with the others
        failures.add(new AppFailure(app.name(), app.version(), e));
      }
      // The app closed the resources its services borrowed; now the services retire, as app
      // code: on the app's own thread, within the callback deadline.
      try {
        retireServices(app);
      } catch (Exception | LinkageError e) {
        failures.add(new AppFailure(app.name(), app.version(), e));
      }
      app.forget();
      app.state(AppState.STOPPED);
    }
    return failures;
  }

  /** Retires the implementations of {@code app}'s services (after its stop), as app code. */
  void retireServices(NodeApp app) throws Exception {
    retireServices(app, null);
  }

  /**
   * As {@link #retireServices(NodeApp)}, each stateful implementation's exported state (after
   * its {@code deactivate}) going to {@code exported} when not null (a restart carries it).
   */
  void retireServices(NodeApp app, Consumer<CarriedState> exported) throws Exception {
    if (app.services().isEmpty() || app.services().get().published().isEmpty()) {
      return;
    }
    AppServices services = app.services().get();
    AppCalls.run(app, "retire-services", deadline, () -> {
      List<RuntimeException> failures = services.retire(exported);
      if (!failures.isEmpty()) {
        RuntimeException first = failures.get(0);
        failures.subList(1, failures.size()).forEach(first::addSuppressed);
        throw first;
      }
    });
  }

  /**
   * Re-reads {@code config.json} (resolving {@code ${VAR}} against {@code env}), replaces every
   * app's configuration and calls {@code configChanged} on the running apps whose keys changed.
   *
   * @throws ConfigException when the file is invalid; then nothing changed
   */
  public ConfigChanges reloadConfig(Map<String, String> env) throws ConfigException {
    Map<String, Set<String>> changed;
    synchronized (configSwap) { // only the swap: the apps are told outside of it
      changed = ConfigReload.swap(
          root.resolve("releases").resolve(descriptor.version()).resolve("config.json"),
          descriptor, apps, env);
    }
    return ConfigReload.notifyApps(apps, changed, deadline);
  }

  /** How long each app callback may run ({@link CallbackDeadline}). */
  public Duration callbackDeadline() {
    return deadline;
  }

  /** A fresh context, and fresh services, for each start of {@code app} (also by AppRestart). */
  ApplicationContext context(NodeApp app) {
    List<AppServices> dependencies = new ArrayList<>();
    for (NodeApp other : apps) {
      if (app.spec().dependsOn().contains(other.name())) {
        other.services().ifPresent(dependencies::add);
      }
    }
    // AppContext's versions follow the node through live upgrades; services() is added around it
    AppServices services = new AppServices(new AppContext(app, this, app.config()), dependencies,
        app.applicationLoader());
    app.services(services);
    return services.context();
  }

  private static ReleaseDescriptor readRelease(BootRequest request) throws ReleaseInvalidException {
    Path file = request.releaseDir().resolve("release.json");
    ReleaseDescriptor release;
    try {
      release = Formats.readRelease(file);
    } catch (FormatException e) {
      throw new ReleaseInvalidException(e.getMessage(), e);
    }
    if (!release.version().equals(request.version())) {
      throw new ReleaseInvalidException(file + " is for version " + release.version() + ", not "
          + request.version() + "; rebuild the release or restore it from its tarball");
    }
    return release;
  }

  /**
   * One class loader per application (docs/class-loading.md): its own jars, then the jars of its
   * class path's libraries in order, as {@code java -cp} would list them; it delegates to the
   * loaders of the applications it depends on. Libraries get no loader of their own.
   */
  private static List<NodeApp> buildApps(Path root, ReleaseDescriptor release,
      Map<String, AppConfig> configs, Map<String, String> env) throws KernelException {
    JdkAndApiLoader parent = JdkAndApiLoader.create();
    Map<String, AppClassLoader> loaders = new HashMap<>();
    List<NodeApp> apps = new ArrayList<>();
    for (AppSpec spec : release.apps()) {
      List<Path> jars = jarsOf(root, spec);
      if (spec.isLibrary()) {
        apps.add(new NodeApp(spec, jars, null, configs.get(spec.name()), dataDir(root, spec),
            List.of()));
        continue;
      }
      List<Path> classPath = new ArrayList<>(jars);
      for (String lib : spec.classPath()) {
        classPath.addAll(jarsOf(root, release.app(lib).orElseThrow()));
      }
      List<AppClassLoader> delegates = new ArrayList<>();
      release.delegatesOf(spec).forEach(app -> delegates.add(loaders.get(app)));
      AppClassLoader loader;
      try {
        loader = new AppClassLoader(spec.name().concat("-").concat(spec.version()), classPath,
            delegates, parent); // concat, not '+': see ConfigFile.flatten
      } catch (IOException e) {
        throw new JarMismatchException(e.getMessage() + "; restore the release from its tarball", e);
      }
      loaders.put(spec.name(), loader);
      createDataDir(dataDir(root, spec));
      apps.add(new NodeApp(spec, jars, loader, configs.get(spec.name()), dataDir(root, spec),
          mainArgs(spec, env)));
    }
    return apps;
  }

  /** The entry's {@code args} with {@code ${VAR}} resolved as in config.json. */
  static List<String> mainArgs(AppSpec spec, Map<String, String> env)
      throws ConfigException {
    List<String> args = spec.entry().orElseThrow().args();
    List<String> resolved = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      resolved.add(Substitution.resolve(args.get(i),
          spec.name().concat(".entry.args[").concat(Integer.toString(i)).concat("]"), env));
    }
    return resolved;
  }

  static List<Path> jarsOf(Path root, AppSpec spec) {
    List<Path> jars = new ArrayList<>();
    for (JarRef jar : spec.jars()) {
      jars.add(root.resolve(spec.dir()).resolve(jar.file()));
    }
    return jars;
  }

  static Path dataDir(Path root, AppSpec spec) {
    return root.resolve("var").resolve(spec.name());
  }

  static void createDataDir(Path dir) throws KernelException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new KernelException("cannot create the data directory " + dir + " (" + e + ");"
          + " make " + dir.getParent() + " writable by the user running the node", e);
    }
  }

  private static long lap(Map<String, Duration> timings, String step, long since) {
    long now = System.nanoTime();
    timings.put(step, Duration.ofNanos(now - since));
    return now;
  }
}

package dev.molt.kernel.node;

import dev.molt.api.Application;
import dev.molt.api.Config;
import dev.molt.format.AppSpec;
import dev.molt.kernel.loader.AppClassLoader;
import dev.molt.services.app.AppServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One application (or library) of a running node: its descriptor entry, its class loader, its
 * resolved configuration and where it is in its life. Accessors are thread-safe; state changes
 * only through {@link Node}.
 */
public final class NodeApp {
  private volatile AppSpec spec; // replaced by Node.adopt after a live upgrade
  private volatile List<Path> jars; // these two and spec are replaced by AppRestart
  private volatile AppClassLoader loader;
  private volatile AppConfig config;
  private final Path dataDir;
  private final List<String> mainArgs;
  private final AtomicReference<AppState> state = new AtomicReference<>(AppState.LOADED);
  private volatile Application instance;
  private volatile Thread mainThread;
  private volatile AppServices services;

  /** @param loader the application's loader; null for a library */
  NodeApp(AppSpec spec, List<Path> jars, AppClassLoader loader, AppConfig config, Path dataDir,
      List<String> mainArgs) {
    this.spec = spec;
    this.jars = List.copyOf(jars);
    this.loader = loader;
    this.config = config;
    this.dataDir = dataDir;
    this.mainArgs = List.copyOf(mainArgs);
  }

  public String name() {
    return spec.name();
  }

  public String version() {
    return spec.version();
  }

  /** The app's entry in release.json. */
  public AppSpec spec() {
    return spec;
  }

  /**
   * The app's own jars under the release root; an application's loader reads these first, then
   * its class path's libraries ({@link AppClassLoader#jars()} lists them all).
   */
  public List<Path> jars() {
    return jars;
  }

  /**
   * The application's class loader ({@code rpc} calls into the app go through it); empty for a
   * library, whose classes are in the loaders of the applications holding it on their class path.
   */
  public Optional<AppClassLoader> loader() {
    return Optional.ofNullable(loader);
  }

  /** The loader of an application; only called for apps with an entry point. */
  AppClassLoader applicationLoader() {
    if (loader == null) {
      throw new IllegalStateException(label() + " is a library; it has no class loader");
    }
    return loader;
  }

  public Config config() {
    return config;
  }

  /** {@code <root>/var/<name>/}; created at boot for apps with an entry point. */
  public Path dataDir() {
    return dataDir;
  }

  /** The arguments {@code main} is called with: the entry's args, {@code ${VAR}} resolved. */
  public List<String> mainArgs() {
    return mainArgs;
  }

  public AppState state() {
    return state.get();
  }

  /** The thread running {@code main}, for apps started that way and while the node tracks it. */
  public Optional<Thread> mainThread() {
    return Optional.ofNullable(mainThread);
  }

  /** {@code name version}, as messages show an app. */
  public String label() {
    return spec.name() + " " + spec.version();
  }

  /** Takes the app's entry of the release the node now runs (see {@link Node#adopt}). */
  void spec(AppSpec next) {
    if (!next.name().equals(spec.name())) {
      throw new IllegalArgumentException(next.name() + " is not " + spec.name());
    }
    this.spec = next;
  }

  /** Puts the app on another release's entry, jars, loader and config (see {@link AppRestart}). */
  void swap(AppSpec nextSpec, List<Path> nextJars, AppClassLoader nextLoader, AppConfig nextConfig) {
    this.spec = nextSpec;
    this.jars = List.copyOf(nextJars);
    this.loader = nextLoader;
    this.config = nextConfig;
  }

  AppConfig appConfig() {
    return config;
  }

  void state(AppState next) {
    state.set(next);
  }

  /** Moves from {@code expected} to {@code next} unless another thread changed the state first. */
  boolean transition(AppState expected, AppState next) {
    return state.compareAndSet(expected, next);
  }

  Optional<Application> instance() {
    return Optional.ofNullable(instance);
  }

  /**
   * The services the app published and the resources it provided, from its start until it
   * stopped; each handle's {@code target()} is the live implementation, for {@code rpc}/{@code
   * eval}.
   */
  public Optional<AppServices> services() {
    return Optional.ofNullable(services);
  }

  void services(AppServices next) {
    this.services = next;
  }

  void started(Application app) {
    this.instance = app;
    this.mainThread = null;
  }

  void started(Thread main) {
    this.mainThread = main;
    this.instance = null;
  }

  /** Replaces the configuration after {@code reload_config}; the app is told by {@link Node}. */
  void config(AppConfig next) {
    this.config = next;
  }

  void forget() {
    this.instance = null;
    this.mainThread = null;
    this.services = null;
  }
}

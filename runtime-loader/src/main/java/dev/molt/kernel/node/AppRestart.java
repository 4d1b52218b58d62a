package dev.molt.kernel.node;

import dev.molt.format.AppSpec;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.kernel.loader.AppClassLoader;
import dev.molt.kernel.loader.JdkAndApiLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Restarts one application of a running node into a new class loader over another release's
 * jars (a live upgrade's {@code restart_application}), and back. The old loader is not closed
 * here: the caller keeps it until the upgrade commits (then purges it) or puts it back on
 * rollback. Serialized with the node's own start and stop (it locks the node).
 */
public final class AppRestart {
  /** What a restart replaced: enough to put the app back as it ran. */
  public static final class Replaced implements RetiredApp {
    private final NodeApp app;
    private final AppSpec spec;
    private final List<Path> jars;
    private final AppClassLoader loader;
    private final AppConfig config;

    private Replaced(NodeApp app) {
      this.app = app;
      this.spec = app.spec();
      this.jars = app.jars();
      this.loader = app.loader().orElseThrow();
      this.config = app.appConfig();
    }

    /** The loader the app ran in before the restart. */
    @Override
    public AppClassLoader loader() {
      return loader;
    }
  }

  private AppRestart() {}

  /**
   * Stops {@code app}, builds its loader over {@code next}'s jars (its own, then its class path's
   * libraries), gives it {@code next}'s config and starts it.
   *
   * @throws KernelException when the new loader or config cannot be made, or the app does not
   *     start in it; the app then runs again in its old loader
   */
  public static Replaced restart(Node node, String app, ReleaseDescriptor next,
      Map<String, String> env, Consumer<AppFailure> onMainFailure) throws KernelException {
    synchronized (node) {
      NodeApp a = node.app(app).filter(x -> x.loader().isPresent()).orElseThrow(
          () -> new KernelException("no application " + app + " runs in this node"));
      AppSpec spec = next.app(app).orElseThrow(
          () -> new KernelException("release " + next.version() + " has no app " + app));
      AppConfig config = ConfigFile.read(node.root().resolve("releases")
          .resolve(next.version()).resolve("config.json"), next, env).get(app);
      AppClassLoader loader = loader(node, next, spec);
      Replaced replaced = new Replaced(a);
      stop(node, a);
      a.swap(spec, Node.jarsOf(node.root(), spec), loader, config);
      try {
        start(node, a, onMainFailure);
      } catch (AppStartException e) {
        stop(node, a);
        a.swap(replaced.spec, replaced.jars, replaced.loader, replaced.config);
        start(node, a, onMainFailure);
        throw new KernelException("app " + app + " " + spec.version() + " did not start in its"
            + " new class loader (" + e.getMessage() + "); it runs " + replaced.spec.version()
            + " again", e);
      }
      return replaced;
    }
  }

  /** Stops the app and starts it again in the loader, jars and config it had before. */
  public static void restore(Node node, Replaced replaced, Consumer<AppFailure> onMainFailure)
      throws KernelException {
    synchronized (node) {
      NodeApp a = replaced.app;
      stop(node, a);
      a.swap(replaced.spec, replaced.jars, replaced.loader, replaced.config);
      start(node, a, onMainFailure);
    }
  }

  static void stop(Node node, NodeApp app) throws KernelException {
    if (app.state() != AppState.RUNNING && app.state() != AppState.FAILED) {
      return;
    }
    app.state(AppState.STOPPING);
    try {
      AppLauncher.stop(app, node.callbackDeadline());
    } catch (Exception | LinkageError e) { // app code
      app.forget();
      app.state(AppState.STOPPED);
      throw new KernelException("app " + app.label() + " failed to stop: "
          + Failures.describe(e), e);
    }
    try {
      // as Node.stop does: the app closed what its services borrowed, now they retire
      node.retireServices(app);
    } catch (Exception | LinkageError e) {
      app.forget();
      app.state(AppState.STOPPED);
      throw new KernelException("app " + app.label() + " stopped, but retiring its services "
          + "failed: " + Failures.describe(e), e);
    }
    app.forget();
    app.state(AppState.STOPPED);
  }

  static void start(Node node, NodeApp app, Consumer<AppFailure> onMainFailure)
      throws AppStartException {
    app.state(AppState.STARTING);
    try {
      // node.context: fresh services for the new start, as at boot (ApplicationContext.services)
      AppLauncher.start(app, app.spec().entry().orElseThrow(), node.context(app), onMainFailure,
          node.callbackDeadline());
    } catch (AppStartException e) {
      app.state(AppState.FAILED);
      throw e;
    }
    app.transition(AppState.STARTING, AppState.RUNNING);
  }

  static AppClassLoader loader(Node node, ReleaseDescriptor next, AppSpec spec)
      throws KernelException {
    List<Path> classPath = new ArrayList<>(Node.jarsOf(node.root(), spec));
    for (String lib : spec.classPath()) {
      next.app(lib).ifPresent(l -> classPath.addAll(Node.jarsOf(node.root(), l)));
    }
    List<AppClassLoader> delegates = new ArrayList<>();
    for (String dep : next.delegatesOf(spec)) {
      node.app(dep).flatMap(NodeApp::loader).ifPresent(delegates::add);
    }
    try {
      return new AppClassLoader(spec.name().concat("-").concat(spec.version()), classPath,
          delegates, JdkAndApiLoader.create());
    } catch (IOException e) {
      throw new JarMismatchException(e.getMessage() + "; restore the release from its tarball", e);
    }
  }


}

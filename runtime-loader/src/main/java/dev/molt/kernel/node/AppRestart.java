package dev.molt.kernel.node;

import dev.molt.api.ApplicationContext;
import dev.molt.format.AppSpec;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.kernel.loader.AppClassLoader;
import dev.molt.kernel.loader.JdkAndApiLoader;
import dev.molt.services.app.AppServices;
import dev.molt.services.app.CarriedState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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

  /**
   * How the state a stateful service exported at the stop reaches the implementation the next
   * start constructs for the same contract (the upgrade engine's: through the newer version's
   * migration). Runs on the restarting thread, before the new implementation's {@code activate}.
   */
  @FunctionalInterface
  public interface StateCarry {
    /**
     * @param from what the old implementation exported (plain data), and where it came from
     * @param next the new implementation, constructed, not activated
     * @param toVersion the application version {@code next} runs
     * @return the state to import into {@code next} (copied as plain data before the import)
     * @throws Exception when it cannot be carried: the new start fails, the app runs again in
     *     its old loader with the state it exported
     */
    Map<String, Object> carry(CarriedState from, Object next, String toVersion) throws Exception;
  }

  private AppRestart() {}

  /**
   * Stops {@code app}, builds its loader over {@code next}'s jars (its own, then its class path's
   * libraries), gives it {@code next}'s config and starts it. With a {@code carry}, the state of
   * each stateful service is exported at the stop (after {@code deactivate}) and imported, through
   * {@code carry}, into the implementation the new start publishes for the same contract, before
   * its {@code activate} and before its handle is returned.
   *
   * @param carry how the state reaches the new version; null: the services start afresh
   * @throws KernelException when the new loader or config cannot be made, or the app does not
   *     start in it (a state that cannot be carried included); the app then runs again in its old
   *     loader, with the state it exported
   */
  public static Replaced restart(Node node, String app, ReleaseDescriptor next,
      Map<String, String> env, Consumer<AppFailure> onMainFailure, StateCarry carry)
      throws KernelException {
    synchronized (node) {
      NodeApp a = node.app(app).filter(x -> x.loader().isPresent()).orElseThrow(
          () -> new KernelException("no application " + app + " runs in this node"));
      AppSpec spec = next.app(app).orElseThrow(
          () -> new KernelException("release " + next.version() + " has no app " + app));
      AppConfig config = ConfigFile.read(node.root().resolve("releases")
          .resolve(next.version()).resolve("config.json"), next, env).get(app);
      AppClassLoader loader = loader(node, next, spec);
      Replaced replaced = new Replaced(a);
      Map<String, CarriedState> exported;
      try {
        exported = stopExporting(node, a, carry);
      } catch (KernelException e) { // app code failed at the stop: serve again, afresh
        start(node, a, onMainFailure);
        throw new KernelException(e.getMessage() + "; " + app + " " + replaced.spec.version()
            + " was started again in its class loader, its services with fresh state", e);
      }
      a.swap(spec, Node.jarsOf(node.root(), spec), loader, config);
      try {
        start(node, a, onMainFailure, importer(exported, carry, spec.version()));
      } catch (AppStartException e) {
        stop(node, a);
        a.swap(replaced.spec, replaced.jars, replaced.loader, replaced.config);
        start(node, a, onMainFailure, unchanged(exported));
        throw new KernelException("app " + app + " " + spec.version() + " did not start in its"
            + " new class loader (" + e.getMessage() + "); it runs " + replaced.spec.version()
            + " again" + (exported.isEmpty() ? "" : ", with the state its services exported"), e);
      }
      return replaced;
    }
  }

  /**
   * Stops the app and starts it again in the loader, jars and config it had before; with a
   * {@code carry}, its services' state comes back through it as in {@link #restart}.
   */
  public static void restore(Node node, Replaced replaced, Consumer<AppFailure> onMainFailure,
      StateCarry carry) throws KernelException {
    synchronized (node) {
      NodeApp a = replaced.app;
      Map<String, CarriedState> exported = stopExporting(node, a, carry);
      a.swap(replaced.spec, replaced.jars, replaced.loader, replaced.config);
      start(node, a, onMainFailure, importer(exported, carry, replaced.spec.version()));
    }
  }

  /** Stops the app; with a carry, collects what its stateful services export, by contract. */
  private static Map<String, CarriedState> stopExporting(Node node, NodeApp app,
      StateCarry carry) throws KernelException {
    Map<String, CarriedState> exported = new LinkedHashMap<>();
    stop(node, app, carry == null ? null : s -> exported.put(s.contract(), s));
    return exported;
  }

  private static CarriedState.Import importer(Map<String, CarriedState> exported,
      StateCarry carry, String toVersion) {
    if (carry == null || exported.isEmpty()) {
      return null;
    }
    return (contract, target) -> {
      CarriedState from = exported.get(contract);
      return from == null ? Optional.empty()
          : Optional.of(carry.carry(from, target, toVersion));
    };
  }

  /** Back into the version that exported it: the state as it was. */
  private static CarriedState.Import unchanged(Map<String, CarriedState> exported) {
    if (exported.isEmpty()) {
      return null;
    }
    return (contract, target) -> Optional.ofNullable(exported.get(contract))
        .map(CarriedState::state);
  }

  static void stop(Node node, NodeApp app) throws KernelException {
    stop(node, app, null);
  }

  static void stop(Node node, NodeApp app, Consumer<CarriedState> exported)
      throws KernelException {
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
      node.retireServices(app, exported);
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
    start(node, app, onMainFailure, null);
  }

  static void start(Node node, NodeApp app, Consumer<AppFailure> onMainFailure,
      CarriedState.Import carried) throws AppStartException {
    app.state(AppState.STARTING);
    try {
      // node.context: fresh services for the new start, as at boot (ApplicationContext.services);
      // the state carried over the restart, if any, goes into what its start publishes
      ApplicationContext context = node.context(app);
      Optional<AppServices> services = app.services();
      services.ifPresent(s -> s.carryIn(carried));
      try {
        AppLauncher.start(app, app.spec().entry().orElseThrow(), context, onMainFailure,
            node.callbackDeadline());
      } finally {
        // what was carried names the old version's loader: the purge must find it unreachable
        services.ifPresent(s -> s.carryIn(null));
      }
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

package dev.molt.kernel.node;

import dev.molt.format.AppSpec;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.kernel.loader.AppClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Adds an application to a running node, or removes one (a live upgrade's
 * {@code add_application} and {@code remove_application}), and undoes either. Serialized with
 * the node's own start and stop (it locks the node); the app list is replaced copy-on-write.
 */
public final class AppSet {
  /** The apps {@link #add} put into the node: the application and libraries it brought. */
  public static final class Added {
    private final List<NodeApp> apps;

    private Added(List<NodeApp> apps) {
      this.apps = List.copyOf(apps);
    }
  }

  /** An application {@link #remove} took out, and where it was in the node's list. */
  public static final class Removed implements RetiredApp {
    private final NodeApp app;
    private final int index;

    private Removed(NodeApp app, int index) {
      this.app = app;
      this.index = index;
    }

    @Override
    public AppClassLoader loader() {
      return app.loader().orElseThrow();
    }
  }

  private AppSet() {}

  /**
   * Loads application {@code app} of {@code next} (and the libraries of its class path the node
   * lacks) into the node and starts it.
   *
   * @throws KernelException when it is not an application of {@code next}, already runs, or does
   *     not start; the node is then as before
   */
  public static Added add(Node node, ReleaseDescriptor next, String app, Map<String, String> env,
      Consumer<AppFailure> onMainFailure) throws KernelException {
    synchronized (node) {
      AppSpec spec = next.app(app).filter(a -> !a.isLibrary()).orElseThrow(() ->
          new KernelException("release " + next.version() + " has no application " + app));
      if (node.app(app).isPresent()) {
        throw new KernelException("app " + app + " is already in the node");
      }
      Map<String, AppConfig> configs = ConfigFile.read(node.root().resolve("releases")
          .resolve(next.version()).resolve("config.json"), next, env);
      List<NodeApp> added = new ArrayList<>();
      for (String lib : spec.classPath()) {
        if (node.app(lib).isEmpty()) {
          AppSpec l = next.app(lib).orElseThrow();
          added.add(new NodeApp(l, Node.jarsOf(node.root(), l), null, configs.get(lib),
              Node.dataDir(node.root(), l), List.of()));
        }
      }
      Node.createDataDir(Node.dataDir(node.root(), spec));
      NodeApp a = new NodeApp(spec, Node.jarsOf(node.root(), spec),
          AppRestart.loader(node, next, spec), configs.get(app), Node.dataDir(node.root(), spec),
          Node.mainArgs(spec, env));
      added.add(a);
      List<NodeApp> before = node.apps();
      List<NodeApp> after = new ArrayList<>(before);
      after.addAll(added);
      node.replaceApps(after);
      try {
        AppRestart.start(node, a, onMainFailure);
      } catch (AppStartException e) {
        node.replaceApps(before);
        throw e;
      }
      return new Added(added);
    }
  }

  /** Stops the added application and takes it (and the libraries it brought) out again. */
  public static void undo(Node node, Added added) throws KernelException {
    synchronized (node) {
      AppRestart.stop(node, added.apps.get(added.apps.size() - 1));
      List<NodeApp> after = new ArrayList<>(node.apps());
      after.removeAll(added.apps);
      node.replaceApps(after);
    }
  }

  /** Stops application {@code app} and takes it out of the node; its loader is not closed. */
  public static Removed remove(Node node, String app) throws KernelException {
    synchronized (node) {
      NodeApp a = node.app(app).filter(x -> x.loader().isPresent()).orElseThrow(
          () -> new KernelException("no application " + app + " runs in this node"));
      int index = node.apps().indexOf(a);
      AppRestart.stop(node, a);
      List<NodeApp> after = new ArrayList<>(node.apps());
      after.remove(a);
      node.replaceApps(after);
      return new Removed(a, index);
    }
  }

  /** Puts a removed application back where it was and starts it again in its loader. */
  public static void undo(Node node, Removed removed, Consumer<AppFailure> onMainFailure)
      throws KernelException {
    synchronized (node) {
      List<NodeApp> after = new ArrayList<>(node.apps());
      after.add(Math.min(removed.index, after.size()), removed.app);
      node.replaceApps(after);
      AppRestart.start(node, removed.app, onMainFailure);
    }
  }
}

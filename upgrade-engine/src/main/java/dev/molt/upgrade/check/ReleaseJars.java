package dev.molt.upgrade.check;

import dev.molt.format.AppSpec;
import dev.molt.format.JarRef;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.node.NodeApp;
import dev.molt.kernel.loader.AppClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where an app's classes are: its jars in a release, and the live loaders that hold them. */
final class ReleaseJars {
  private ReleaseJars() {}

  /** The app's own jars in {@code release} under {@code root}. */
  static List<Path> own(Path root, AppSpec app) {
    List<Path> jars = new ArrayList<>();
    for (JarRef jar : app.jars()) {
      jars.add(root.resolve(app.dir()).resolve(jar.file()));
    }
    return jars;
  }

  /** An application's class path in {@code release}: its jars, then its libraries' in order. */
  static List<Path> classPath(Path root, ReleaseDescriptor release, AppSpec app) {
    List<Path> jars = new ArrayList<>(own(root, app));
    for (String lib : app.classPath()) {
      release.app(lib).ifPresent(l -> jars.addAll(own(root, l)));
    }
    return jars;
  }

  /**
   * The live loaders holding the classes of {@code app}: the application's own, or, for a
   * library, the loader of every application whose class path holds it.
   */
  static List<AppClassLoader> loadersHolding(Node node, String app) {
    List<AppClassLoader> loaders = new ArrayList<>();
    for (NodeApp a : node.apps()) {
      boolean holds = a.name().equals(app) || a.spec().classPath().contains(app);
      if (holds) {
        a.loader().ifPresent(loaders::add);
      }
    }
    return loaders;
  }

  /** The applications of {@code release} whose loaders would hold {@code app}'s classes. */
  static List<AppSpec> applicationsHolding(ReleaseDescriptor release, String app) {
    List<AppSpec> holders = new ArrayList<>();
    for (AppSpec a : release.apps()) {
      if (!a.isLibrary() && (a.name().equals(app) || a.classPath().contains(app))) {
        holders.add(a);
      }
    }
    return holders;
  }
}

package dev.molt.upgrade.update;

import dev.molt.kernel.loader.AppClassLoader;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.node.NodeApp;

/**
 * The engine's way to the per-app class view ({@link dev.molt.services.unit.ClassView}): which
 * loader holds a class now, so that {@code redefine} and {@code define} act on the live classes
 * (a class of a service's unit is its live unit loader's, not the application loader's copy).
 */
public final class ClassViews {
  private ClassViews() {}

  /**
   * The loader holding {@code className} among the classes of the application whose loader is
   * {@code appLoader}: its live unit loader for a unit's class, else {@code appLoader}.
   */
  public static ClassLoader holderOf(Node node, AppClassLoader appLoader, String className) {
    for (NodeApp app : node.apps()) {
      if (app.loader().orElse(null) == appLoader) {
        return app.services().flatMap(s -> s.classes()).map(v -> v.loaderOf(className))
            .orElse(appLoader);
      }
    }
    return appLoader;
  }
}

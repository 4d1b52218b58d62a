package dev.molt.upgrade.step;

import dev.molt.kernel.loader.AppClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaders one upgrade retired, by app: kept (so a rollback can put them back) until the
 * plan's {@code purge} steps drop them. Used by one upgrade's thread only.
 */
public final class RetiredLoaders {
  private final Map<String, List<AppClassLoader>> byApp = new HashMap<>();

  void retire(String app, AppClassLoader loader) {
    byApp.computeIfAbsent(app, a -> new ArrayList<>()).add(loader);
  }

  void unretire(String app, AppClassLoader loader) {
    byApp.getOrDefault(app, new ArrayList<>()).remove(loader);
  }

  /** Removes and returns the loaders retired for {@code app}. */
  List<AppClassLoader> take(String app) {
    List<AppClassLoader> taken = byApp.remove(app);
    return taken == null ? List.of() : taken;
  }
}

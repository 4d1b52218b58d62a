package dev.molt.upgrade.step;

import dev.molt.kernel.loader.AppClassLoader;
import dev.molt.kernel.node.RetiredApp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one upgrade's {@code restart_application} and {@code remove_application} steps took out
 * of service, by app: the only holder of the
 * old loaders, so a rollback can put them back and {@code purge} can drop them for good (a step
 * keeping its own reference would keep them from the collector). Used by one upgrade's thread.
 */
public final class RetiredLoaders {
  private final Map<String, Deque<RetiredApp>> byApp = new HashMap<>();

  void retire(String app, RetiredApp replaced) {
    byApp.computeIfAbsent(app, a -> new ArrayDeque<>()).push(replaced);
  }

  /** The last thing retired for {@code app}, taken back (for an undo). */
  Optional<RetiredApp> unretire(String app) {
    Deque<RetiredApp> stack = byApp.get(app);
    return stack == null || stack.isEmpty() ? Optional.empty() : Optional.of(stack.pop());
  }

  /** Removes and returns the loaders retired for {@code app}. */
  List<AppClassLoader> take(String app) {
    Deque<RetiredApp> taken = byApp.remove(app);
    List<AppClassLoader> loaders = new ArrayList<>();
    if (taken != null) {
      taken.forEach(r -> loaders.add(r.loader()));
    }
    return loaders;
  }
}

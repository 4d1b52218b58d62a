package dev.molt.upgrade.step;

import dev.molt.kernel.node.RetiredApp;
import dev.molt.services.update.UnitUpdate;
import java.net.URLClassLoader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one upgrade's {@code restart_application}, {@code remove_application} and {@code update}
 * steps (and any other step, through {@link #retireLoader}) took out of service, by app: the only
 * holder of the
 * old loaders, so a rollback can put them back and {@code purge} can drop them for good (a step
 * keeping its own reference would keep them from the collector). Used by one upgrade's thread.
 */
public final class RetiredLoaders {
  private final Map<String, Deque<RetiredApp>> byApp = new HashMap<>();
  private final Map<String, List<ClassLoader>> loadersByApp = new HashMap<>();
  private final Map<String, Deque<UnitUpdate>> units = new HashMap<>();

  /** An {@code update} ran: its old implementation and unit loader wait for {@code purge}. */
  public void retireUnit(String app, UnitUpdate update) {
    units.computeIfAbsent(app, a -> new ArrayDeque<>()).push(update);
  }

  /** The {@code update} was undone: nothing of it is retired any more. */
  public void unretireUnit(String app, UnitUpdate update) {
    Deque<UnitUpdate> stack = units.get(app);
    if (stack != null) {
      stack.remove(update);
    }
  }

  /**
   * Disposes the old implementations the {@code update}s of {@code app} replaced and returns their
   * unit loaders, to be dropped; what {@code dispose} threw is added to {@code problems}.
   */
  List<URLClassLoader> takeUnits(String app, List<String> problems) {
    Deque<UnitUpdate> taken = units.remove(app);
    List<URLClassLoader> loaders = new ArrayList<>();
    if (taken != null) {
      taken.forEach(u -> loaders.add(u.retire(problems)));
    }
    return loaders;
  }

  void retire(String app, RetiredApp replaced) {
    byApp.computeIfAbsent(app, a -> new ArrayDeque<>()).push(replaced);
  }

  /** The last thing retired for {@code app}, taken back (for an undo). */
  Optional<RetiredApp> unretire(String app) {
    Deque<RetiredApp> stack = byApp.get(app);
    return stack == null || stack.isEmpty() ? Optional.empty() : Optional.of(stack.pop());
  }

  /**
   * Records a loader a step took out of service for good once the upgrade commits, with nothing
   * to put back here (the step's own undo restores what it replaced): the seam for the unit
   * loaders {@code update} replaces. {@code purge} of {@code app} drops it.
   */
  public void retireLoader(String app, ClassLoader loader) {
    loadersByApp.computeIfAbsent(app, a -> new ArrayList<>()).add(loader);
  }

  /** Takes back a loader {@link #retireLoader} recorded (an undo that puts it in service again). */
  public void unretireLoader(String app, ClassLoader loader) {
    List<ClassLoader> loaders = loadersByApp.get(app);
    if (loaders != null) {
      loaders.removeIf(l -> l == loader);
    }
  }

  /** Removes and returns the loaders retired for {@code app}, for {@code purge}. */
  List<ClassLoader> take(String app) {
    Deque<RetiredApp> taken = byApp.remove(app);
    List<ClassLoader> loaders = new ArrayList<>();
    if (taken != null) {
      taken.forEach(r -> loaders.add(r.loader()));
    }
    List<ClassLoader> others = loadersByApp.remove(app);
    if (others != null) {
      loaders.addAll(others);
    }
    return loaders;
  }
}

package dev.molt.upgrade.purge;

import dev.molt.kernel.loader.AppClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks for what keeps an old class loader reachable, among the usual holders: live threads
 * (their class, the code they run, their context class loader), {@code java.util.logging},
 * the loaders of running applications, and, when {@code java.lang} is open to the kernel,
 * shutdown hooks and ThreadLocals ({@link JavaLangReach}). Not a heap walk: it names likely
 * holders, and says what it could not check. Read-only; runs no code of the old loader.
 * Thread-safe.
 */
public final class LeakFinder {
  private final List<? extends ClassLoader> liveLoaders;

  /**
   * @param liveLoaders the loaders of the applications running now: one that delegates to the
   *     old loader holds it
   */
  public LeakFinder(List<? extends ClassLoader> liveLoaders) {
    this.liveLoaders = List.copyOf(liveLoaders);
  }

  /** The likely holders of {@code loader}, threads first; empty when none was found. */
  public List<Holder> find(ClassLoader loader) {
    List<Holder> holders = new ArrayList<>(threads(loader, !nameTaken(loader)));
    holders.addAll(LoggingHolders.find(loader));
    holders.addAll(delegating(loader));
    holders.addAll(JavaLangReach.find(loader));
    return holders;
  }

  /**
   * Whether a running application's loader has the old loader's name (a downgrade back to the
   * version it ran): frames name their loader only by name, so they cannot tell the two apart.
   */
  private boolean nameTaken(ClassLoader loader) {
    for (ClassLoader live : liveLoaders) {
      if (live != loader && live.getName() != null && live.getName().equals(loader.getName())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Live threads of the old code, or with the old loader as their context class loader.
   *
   * @param byFrames whether to look at the code the threads run (only when the loader's name is
   *     its own)
   */
  static List<Holder> threads(ClassLoader loader, boolean byFrames) {
    List<Holder> holders = new ArrayList<>();
    Thread self = Thread.currentThread();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      Thread t = e.getKey();
      if (t == self) {
        continue;
      }
      List<String> why = new ArrayList<>();
      if (t.getClass().getClassLoader() == loader) {
        why.add("its class " + t.getClass().getName() + " is of " + Labels.of(loader));
      }
      Optional<StackTraceElement> frame = byFrames ? outermostFrame(e.getValue(), loader)
          : Optional.empty();
      frame.ifPresent(f -> why.add("it runs " + f.getClassName() + "." + f.getMethodName()
          + " of " + Labels.of(loader)));
      if (t.getContextClassLoader() == loader) {
        why.add("its context class loader is " + Labels.of(loader));
      }
      if (!why.isEmpty()) {
        holders.add(new Holder(Holder.Kind.THREAD, Labels.thread(t) + ": "
            + String.join("; ", why)));
      }
    }
    return holders;
  }

  /**
   * The frame nearest the thread's start whose class {@code loader} defined: the method the old
   * code started the thread with. A frame names its class's loader; the class is then looked up
   * in that loader, which finds it among the classes it already defined (no jar is read).
   */
  static Optional<StackTraceElement> outermostFrame(StackTraceElement[] frames,
      ClassLoader loader) {
    String name = loader.getName();
    for (int i = frames.length - 1; i >= 0 && name != null; i--) {
      if (name.equals(frames[i].getClassLoaderName()) && definedBy(frames[i], loader)) {
        return Optional.of(frames[i]);
      }
    }
    return Optional.empty();
  }

  private static boolean definedBy(StackTraceElement frame, ClassLoader loader) {
    try {
      return Class.forName(frame.getClassName(), false, loader).getClassLoader() == loader;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private List<Holder> delegating(ClassLoader loader) {
    List<Holder> holders = new ArrayList<>();
    for (ClassLoader live : liveLoaders) {
      if (live != loader && live instanceof AppClassLoader app
          && app.dependencies().contains(loader)) {
        holders.add(new Holder(Holder.Kind.LOADER, "class loader " + Labels.of(live)
            + " of a running application delegates to it (restart that application too)"));
      }
    }
    return holders;
  }
}

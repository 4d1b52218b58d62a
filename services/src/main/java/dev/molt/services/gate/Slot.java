package dev.molt.services.gate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

/**
 * One thread's calls in flight through one gate: a call depth that only its thread writes and the
 * drainer reads. As a {@link Runnable} it is the exit of a call, so that a generated handle, which
 * may live in a loader that cannot see this module, needs only JDK types.
 */
final class Slot implements Runnable {
  private static final VarHandle DEPTH;

  static {
    try {
      DEPTH = MethodHandles.lookup().findVarHandle(Slot.class, "depth", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // Weak: a slot outlives its thread in the gate's registry until the next prune.
  private final WeakReference<Thread> thread;
  private int depth;

  Slot(Thread thread) {
    this.thread = new WeakReference<>(thread);
  }

  /** The owner's depth before this call; plain read, only the owner calls it. */
  int ownDepth() {
    return depth;
  }

  /** Nested entry: the depth is already non-zero, so the drainer's view does not change. */
  void deepen(int current) {
    depth = current + 1;
  }

  /** Outermost entry or its back-out: volatile, so it is ordered before the read of the gate. */
  void publish(int value) {
    DEPTH.setVolatile(this, value);
  }

  /** The exit of a call. Release on the last exit: the call's writes happen before the drain ends. */
  @Override
  public void run() {
    int current = depth;
    if (current == 1) {
      DEPTH.setRelease(this, 0);
    } else {
      depth = current - 1;
    }
  }

  /** The drainer's view: true while the owner is inside a call. */
  boolean busy() {
    return (int) DEPTH.getVolatile(this) != 0;
  }

  /** The owner, while it lives. */
  Thread thread() {
    return thread.get();
  }

  /** True when the owner is gone and cannot enter again. */
  boolean orphaned() {
    Thread owner = thread.get();
    return owner == null || !owner.isAlive();
  }
}

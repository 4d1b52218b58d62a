package dev.molt.services.gate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The gate in front of one handle's target: it lets calls in while open, and can be closed and
 * drained (wait until no call is in flight) so that the target can be swapped.
 *
 * <p>No shared counter on the call path: each thread has its own {@link Slot} holding its call
 * depth. The outermost call of a thread stores 1 (volatile) and then reads the gate (volatile);
 * the drainer closes the gate (volatile) and then reads every slot. By the order of volatile
 * accesses, either the call sees the gate closed (it backs out and parks until the gate opens) or
 * the drainer sees the call (and waits for it). Nested calls on the same thread pass a closed gate:
 * a service calling itself through its handle never deadlocks on its own drain.
 *
 * <p>Virtual threads work but each one that calls through the gate registers a slot (kept until
 * the thread is gone and a later registration or drain prunes it); a striped counter would suit
 * millions of short-lived threads better and is left for later.
 *
 * <p>Thread-safe. {@link #get} and the returned exit are the call path; {@link #close}, {@link
 * #awaitIdle} and {@link #open} are for one controlling thread at a time.
 */
public final class Gate implements Supplier<Runnable> {
  private static final int PRUNE_EVERY = 256;
  private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final ConcurrentLinkedQueue<Slot> registry = new ConcurrentLinkedQueue<>();
  private final AtomicInteger registrations = new AtomicInteger();
  private final ThreadLocal<Slot> slots = ThreadLocal.withInitial(this::register);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition opened = lock.newCondition();
  private volatile boolean closed;

  /**
   * Enters a call: returns once the calling thread may call the target; the returned exit must
   * run exactly once when the call ends, normally or not.
   */
  @Override
  public Runnable get() {
    Slot slot = slots.get();
    int depth = slot.ownDepth();
    if (depth > 0) {
      slot.deepen(depth);
      return slot;
    }
    slot.publish(1);
    if (closed) {
      waitForOpen(slot);
    }
    return slot;
  }

  private void waitForOpen(Slot slot) {
    do {
      slot.publish(0);
      lock.lock();
      try {
        while (closed) {
          opened.awaitUninterruptibly();
        }
      } finally {
        lock.unlock();
      }
      slot.publish(1);
    } while (closed);
  }

  /** True when the calling thread is inside a call through this gate. */
  public boolean insideCall() {
    return slots.get().ownDepth() > 0;
  }

  /** Closes the gate: outermost calls that enter from now on park until {@link #open}. */
  public void close() {
    closed = true;
  }

  /** True while closed. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Waits until no call is in flight, at most {@code timeout}; the gate must be closed.
   *
   * @return the threads still inside a call at the deadline; empty when the gate drained
   */
  public List<Thread> awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    registry.removeIf(Slot::orphaned);
    long pause = 1_000;
    for (int round = 0; ; round++) {
      List<Thread> busy = busyThreads();
      if (busy.isEmpty() || System.nanoTime() - deadline >= 0) {
        return busy;
      }
      if (round < 100) {
        Thread.onSpinWait();
      } else {
        LockSupport.parkNanos(pause);
        pause = Math.min(pause * 2, MAX_POLL_NANOS);
      }
    }
  }

  /** Opens the gate and wakes the calls parked at it. */
  public void open() {
    lock.lock();
    try {
      closed = false;
      opened.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private List<Thread> busyThreads() {
    List<Thread> busy = new ArrayList<>();
    for (Slot slot : registry) {
      if (slot.busy()) {
        Thread owner = slot.thread();
        // A busy slot's thread is running, so it is still referenced; the check is for the read.
        if (owner != null) {
          busy.add(owner);
        }
      }
    }
    return busy;
  }

  private Slot register() {
    Slot slot = new Slot(Thread.currentThread());
    registry.add(slot);
    if (registrations.incrementAndGet() % PRUNE_EVERY == 0) {
      registry.removeIf(Slot::orphaned);
    }
    return slot;
  }
}

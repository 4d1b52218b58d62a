package dev.molt.services.update;

import dev.molt.api.StatefulService;
import dev.molt.services.DrainTimeoutException;
import dev.molt.services.ServiceHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code update} of a published service: moves its handle from the running implementation
 * to a new one, the state with it, without a failed call (Erlang's {@code code_change}).
 *
 * <pre>
 * (the new implementation is constructed by the caller, outside the pause)
 * close the gate; drain (timeout)                              -- the pause starts
 * old.deactivate(); s = copy(old.exportState())                -- plain data only
 * new.importState(copy(migrator.forward(s))); new.activate()
 * swap the target, open the gate                               -- the pause ends
 * </pre>
 *
 * <p>Every failure before the gate opens on the new implementation leaves the old one serving
 * with its state ({@code old.activate()} when it was deactivated, the gate reopened on it, {@code
 * new.dispose()}): callers were only delayed. The work inside the pause runs on a worker thread
 * and is bounded by the pause budget: past it the old implementation serves again at once, the
 * worker is abandoned (it works on a copy of the state) and cleans up after itself when the
 * callback it was in returns.
 *
 * <p>{@link #undo} (a later step of the upgrade failed) moves back: drain, {@code
 * new.deactivate()}, {@code old.importState(migrator.backward(new.exportState()))} (or the
 * snapshot {@code s} when that throws, saying what was lost), {@code old.activate()}, swap back,
 * {@code new.dispose()}. {@link #retire} (after the point of no return) disposes the old one.
 *
 * <p>Used by one thread (the upgrade's); the handle's callers may be many.
 */
public final class ServiceUpdate<T> {
  private static final int RUNNING = 0;
  private static final int FINISHED = 1;
  private static final int ABANDONED = 2;

  private final ServiceHandle<T> handle;
  private final T next;
  private Migrator migrator; // dropped at retire: at a downgrade it is of the old unit
  private final String label;
  private final Duration drain;
  private final Duration budget;
  private T old;
  private Map<String, Object> snapshot;
  private long lastPauseNanos;
  private Map<String, Long> lastTimings = Map.of();

  /**
   * @param handle the service's handle; its current target is the old implementation
   * @param next the new implementation, constructed and not activated
   * @param label what the update is, for messages (e.g. {@code BookService 0.2.0 -> 0.3.0})
   * @param drain how long calls in flight may take to finish
   * @param budget how long the work inside the pause (after the drain) may take
   */
  public ServiceUpdate(ServiceHandle<T> handle, T next, Migrator migrator, String label,
      Duration drain, Duration budget) {
    this.handle = Objects.requireNonNull(handle, "handle");
    this.next = Objects.requireNonNull(next, "next");
    this.migrator = Objects.requireNonNull(migrator, "migrator");
    this.label = label;
    this.drain = drain;
    this.budget = budget;
  }

  /** The implementation that served before {@link #run}; kept until {@link #retire}. */
  public T old() {
    return old;
  }

  /** The state the old implementation exported, as copied; null before {@link #run}. */
  public Map<String, Object> snapshot() {
    return snapshot;
  }

  /**
   * How long each phase of the last successful {@link #run} or {@link #undo} took inside the
   * pause, in order (the callbacks, the copies, the migration).
   */
  public Map<String, Duration> lastPhases() {
    Map<String, Duration> phases = new java.util.LinkedHashMap<>();
    lastTimings.forEach((k, v) -> phases.put(k, Duration.ofNanos(v)));
    return phases;
  }

  /** How long the gate was closed in the last {@link #run} or {@link #undo}, drain included. */
  public Duration lastPause() {
    return Duration.ofNanos(lastPauseNanos);
  }

  /**
   * Runs the update. On return the handle routes to the new implementation.
   *
   * @throws UpdateException when anything failed before the swap; the old implementation then
   *     serves with its state, and the new one was disposed
   */
  public void run() throws UpdateException {
    T current = handle.target();
    long closed = System.nanoTime();
    try {
      handle.suspend(drain);
    } catch (DrainTimeoutException e) {
      String disposed = dispose(next);
      throw new UpdateException("update " + label + " abandoned: " + e.getMessage() + disposed, e);
    }
    Pause pause = new Pause("update " + label) {
      boolean oldDeactivated;
      boolean nextActivated;

      @Override
      void work() throws Exception {
        enter("deactivate() of the old version");
        if (current instanceof StatefulService s) {
          s.deactivate();
        }
        oldDeactivated = true;
        checkAbandoned(); // past the budget the old version serves again: leave it alone
        if (current instanceof StatefulService from && next instanceof StatefulService to) {
          enter("exportState() of the old version");
          Map<String, Object> exported = from.exportState();
          enter("copy of the exported state");
          copied = PlainData.copy(exported, "the state exported by the old version");
          checkAbandoned();
          enter(migrator.describeForward());
          Map<String, Object> forward = migrator.forward(copied);
          enter("copy of the migrated state");
          Map<String, Object> migrated = PlainData.copy(forward,
              "the state returned by " + migrator.describeForward());
          checkAbandoned();
          enter("importState() of the new version");
          to.importState(migrated);
        }
        checkAbandoned();
        enter("activate() of the new version");
        nextActivated = true;
        if (next instanceof StatefulService s) {
          s.activate();
        }
      }

      @Override
      List<String> backOut() {
        List<String> notes = new ArrayList<>();
        if (nextActivated && next instanceof StatefulService s) {
          notes.add(call(next, "deactivate", s::deactivate));
        }
        if (oldDeactivated && current instanceof StatefulService s) {
          notes.add(call(current, "activate", s::activate));
        }
        notes.add(dispose(next));
        return notes;
      }
    };
    Outcome outcome = pause.run(budget, next.getClass().getClassLoader());
    if (outcome.ok()) {
      handle.resume(next);
      lastTimings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pause.timings));
      lastPauseNanos = System.nanoTime() - closed;
      old = current;
      snapshot = pause.copied;
      return;
    }
    handle.resume(); // the old implementation serves again
    lastPauseNanos = System.nanoTime() - closed;
    throw new UpdateException("update " + label + " abandoned, the old version serves again"
        + " with its state: " + outcome.message(), outcome.cause());
  }

  /**
   * Moves back to the old implementation after a successful {@link #run}.
   *
   * @return what was lost, when the backward migration threw and the snapshot was restored
   *     (empty otherwise)
   * @throws UpdateException when the undo failed; the message says which version serves
   */
  public String undo() throws UpdateException {
    if (old == null) {
      throw new IllegalStateException("update " + label + " did not run");
    }
    T previous = old;
    long closed = System.nanoTime();
    try {
      handle.suspend(drain);
    } catch (DrainTimeoutException e) {
      throw new UpdateException("undo of update " + label + " failed: " + e.getMessage()
          + " The new version still serves.", e);
    }
    String[] lost = {""};
    Pause pause = new Pause("undo of update " + label) {
      boolean nextDeactivated;

      @Override
      void work() throws Exception {
        enter("deactivate() of the new version");
        if (next instanceof StatefulService s) {
          s.deactivate();
        }
        nextDeactivated = true;
        if (previous instanceof StatefulService to && next instanceof StatefulService from) {
          Map<String, Object> back;
          try {
            enter("exportState() of the new version and " + migrator.describeBackward());
            back = PlainData.copy(migrator.backward(PlainData.copy(from.exportState(),
                "the state exported by the new version")),
                "the state returned by " + migrator.describeBackward());
          } catch (Exception | LinkageError e) {
            back = snapshot;
            lost[0] = migrator.describeBackward() + " failed (" + e + "), so the old version got"
                + " back the state it exported at the update: what changed since is lost";
          }
          checkAbandoned();
          enter("importState() of the old version");
          to.importState(back);
        }
        checkAbandoned();
        enter("activate() of the old version");
        if (previous instanceof StatefulService s) {
          s.activate();
        }
      }

      @Override
      List<String> backOut() {
        List<String> notes = new ArrayList<>();
        if (nextDeactivated && next instanceof StatefulService s) {
          notes.add(call(next, "activate", s::activate));
        }
        return notes;
      }
    };
    Outcome outcome = pause.run(budget, previous.getClass().getClassLoader());
    if (!outcome.ok()) {
      handle.resume(); // the new version serves again
      lastPauseNanos = System.nanoTime() - closed;
      throw new UpdateException("undo of update " + label + " failed, the new version serves"
          + " again: " + outcome.message(), outcome.cause());
    }
    handle.resume(previous);
    lastPauseNanos = System.nanoTime() - closed;
    lastTimings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pause.timings));
    old = null;
    snapshot = null;
    String disposed = dispose(next);
    return lost[0] + disposed;
  }

  /**
   * After the upgrade committed: disposes the old implementation and forgets it.
   *
   * @return what {@code dispose} threw, or empty
   */
  public String retire() {
    T previous = old;
    old = null;
    snapshot = null;
    // at a downgrade the migration came from the old unit: holding it would keep that unit's
    // loader from the collector
    migrator = Migrator.none();
    return previous == null ? "" : dispose(previous).trim();
  }

  private static String dispose(Object implementation) {
    if (implementation instanceof StatefulService s) {
      return call(implementation, "dispose", s::dispose);
    }
    return "";
  }

  private static String call(Object implementation, String method, Runnable callback) {
    try {
      callback.run();
      return "";
    } catch (RuntimeException | LinkageError e) {
      return "; " + implementation.getClass().getName() + "." + method + "() threw " + e;
    }
  }

  private record Outcome(boolean ok, String message, Throwable cause) {}

  /**
   * The work inside one pause, on a worker thread, within a budget. When the budget runs out
   * first, the worker is abandoned: {@link #checkAbandoned} stops it at the next phase, and it
   * then backs out its own progress.
   */
  private abstract static class Pause {
    private final String what;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    volatile String phase = "start";
    private long phaseStart;
    /** How long each phase took, in order (nanoseconds); complete when the work finished. */
    final Map<String, Long> timings = new java.util.LinkedHashMap<>();
    /** The old version's state as copied, by the update's work (the undo's snapshot). */
    volatile Map<String, Object> copied;
    private volatile Throwable failure;

    Pause(String what) {
      this.what = what;
    }

    abstract void work() throws Exception;

    /** Undoes what {@link #work} did so far; returns notes on callbacks that threw. */
    abstract List<String> backOut();


    /** Starts the next phase, closing the timing of the one before. */
    void enter(String next) {
      long now = System.nanoTime();
      if (phaseStart != 0) {
        timings.put(phase, now - phaseStart);
      }
      phase = next;
      phaseStart = now;
    }

    void checkAbandoned() throws Abandoned {
      if (state.get() == ABANDONED) {
        throw new Abandoned();
      }
    }

    /**
     * @param context the worker's context class loader: the loader of the version that will
     *     serve (its unit loader sees the whole application), as application code expects
     */
    Outcome run(Duration budget, ClassLoader context) {
      Thread worker = new Thread(() -> {
        try {
          work();
          enter("done");
        } catch (Throwable e) {
          failure = e;
        }
        if (!state.compareAndSet(RUNNING, FINISHED)) {
          backOut(); // abandoned: nobody waits for it any more
        }
      }, "molt-" + what.replace(' ', '-'));
      worker.setDaemon(true);
      worker.setContextClassLoader(context);
      worker.start();
      try {
        worker.join(Math.max(1, budget.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (state.compareAndSet(RUNNING, ABANDONED)) {
        return new Outcome(false, "the pause budget of " + budget.toMillis() + " ms ran out in "
            + phase + "; it was abandoned, and backs out when that call returns. Make it"
            + " faster, or raise \"update_pause_ms\" in rel/molt.json's \"upgrade\"", null);
      }
      try {
        worker.join(); // FINISHED: it has only to end
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Throwable e = failure;
      if (e == null) {
        return new Outcome(true, "", null);
      }
      String notes = String.join("", backOut());
      String what = e instanceof PlainData.NotPlainDataException ? e.getMessage()
          : phase + " threw " + e;
      return new Outcome(false, what + notes, e);
    }
  }

  private static final class Abandoned extends Exception {
    private static final long serialVersionUID = 1L;
  }
}

package dev.molt.kernel;

import dev.molt.format.EntryPoint;
import dev.molt.kernel.node.AppFailure;
import dev.molt.kernel.node.AppStartException;
import dev.molt.kernel.node.Failures;
import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.node.NodeApp;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts a loaded node and stops it exactly once, owning the pid file: it is written only after
 * every app has started, and removed on every stop. Start, restart and stop are serialized by a
 * phase flag changed in short critical sections; no lock is held while app code runs (each app
 * callback is bounded by the node's deadline). A stop that arrives while apps are starting waits
 * for the start to end (bounded by those deadlines), then stops what started and removes the pid
 * file written meanwhile; a start after a stop does nothing.
 */
final class Lifecycle {
  private static final Duration HOOK_GRACE = Duration.ofSeconds(5);

  private enum Phase { NEW, STARTING, RUNNING, RESTARTING, STOPPING, STOPPED }

  private final Node node;
  private final PidFile pidFile;
  private final PrintStream err;
  private final Object guard = new Object();
  private volatile Phase phase = Phase.NEW; // changed only with guard held
  private volatile boolean appsUp;
  private volatile Consumer<AppFailure> onMainFailure = f -> { };

  Lifecycle(Node node, PrintStream err) {
    this.node = node;
    this.pidFile = new PidFile(node.root().resolve("tmp").resolve(node.descriptor().name() + ".pid"),
        err);
    this.err = err;
  }

  Path pidFile() {
    return pidFile.path();
  }

  /**
   * Starts the apps, waits for {@code ready}, then writes the pid file; on failure nothing is
   * left running or written.
   */
  void start(Consumer<AppFailure> onMainFailure, Readiness ready) throws KernelException {
    if (!move(Phase.NEW, Phase.STARTING)) {
      return; // stopped before it started
    }
    this.onMainFailure = onMainFailure;
    boolean up = false;
    try {
      node.startApps(onMainFailure);
      ready.await();
      pidFile.write();
      up = true;
    } catch (IOException e) {
      throw new KernelException("cannot write the pid file " + pidFile.path() + " (" + e + "); make "
          + pidFile.path().getParent() + " writable by the user running the node", e);
    } finally {
      if (!up) { // whatever failed, a stop waiting for the start must not wait for ever
        failStart();
      }
    }
    appsUp = true;
    move(Phase.STARTING, Phase.RUNNING);
  }

  private void failStart() {
    move(Phase.STARTING, Phase.STOPPING);
    stopAppsAndFinish();
  }

  /**
   * What must hold, besides the apps running, before the pid file says the node is up. Throwing
   * stops the apps again.
   */
  @FunctionalInterface
  interface Readiness {
    void await() throws KernelException;
  }

  /** True once the apps run and the pid file is written, until the node stops or restarts. */
  boolean started() {
    return phase == Phase.RUNNING && appsUp;
  }

  /**
   * {@code restart}: stops the apps in reverse order and starts them again in this JVM; the pid
   * file stays. While it runs, {@code ping} answers that the node is starting. Refused for a node
   * with a plain {@code main} app: a main cannot be stopped in process, so a second copy would
   * run beside the first.
   */
  String restartApps() throws KernelException {
    Optional<NodeApp> main = node.apps().stream().filter(a -> a.spec().entry()
        .map(e -> e.kind() == EntryPoint.Kind.MAIN).orElse(false)).findFirst();
    if (main.isPresent()) {
      throw new KernelException("restart refused: app " + main.get().label() + " runs a plain main"
          + " method, which cannot be stopped inside the JVM, so restart would start a second copy"
          + " beside it; use bin/" + node.descriptor().name() + " reboot (a new JVM) instead");
    }
    if (!move(Phase.RUNNING, Phase.RESTARTING)) {
      throw new KernelException("the node is " + phase.name().toLowerCase(java.util.Locale.ROOT)
          + "; nothing restarted");
    }
    try {
      appsUp = false;
      List<AppFailure> failures = stopApps();
      try {
        node.startApps(onMainFailure);
      } catch (AppStartException e) {
        Failures.report(err, "restart: ", e);
        throw new KernelException("restart failed: " + e.getMessage() + "; the node runs with its"
            + " apps stopped: fix the cause, then run bin/" + node.descriptor().name()
            + " reboot", e);
      }
      appsUp = true;
      long apps = node.apps().stream().filter(a -> !a.spec().isLibrary()).count();
      return "restarted " + apps + " app(s)" + (failures.isEmpty() ? ""
          : "; " + failures.size() + " failed to stop cleanly (see the node's log)");
    } finally {
      move(Phase.RESTARTING, Phase.RUNNING);
    }
  }

  /** Stops the running apps in reverse order, reporting each failed stop, and removes the pid file. */
  void stop() {
    if (claimStop(Optional.empty())) {
      stopAppsAndFinish();
    }
  }

  /**
   * The shutdown hook's stop. An app that calls {@code System.exit} inside its {@code start}
   * blocks its start thread until the hooks finish, so the start would end only at its deadline:
   * after a grace period the hook removes the pid file and lets the JVM go.
   */
  void stopFromShutdownHook() {
    if (claimStop(Optional.of(HOOK_GRACE))) {
      stopAppsAndFinish();
    } else if (phase != Phase.STOPPED) {
      err.println(phase == Phase.STOPPING
          ? "molt: the JVM is exiting while apps are still stopping; not waiting for them"
          : "molt: the JVM is exiting while apps are still starting; not stopping them");
      pidFile.delete();
    }
  }

  /**
   * Waits (at most {@code patience}, if given) while a start, restart or another stop runs, then
   * claims the stop; false when the node is stopped already, or the wait ran out.
   */
  private boolean claimStop(Optional<Duration> patience) {
    long end = System.nanoTime() + patience.orElse(Duration.ZERO).toNanos();
    boolean interrupted = false;
    try {
      synchronized (guard) {
        while (phase == Phase.STARTING || phase == Phase.RESTARTING || phase == Phase.STOPPING) {
          long left = end - System.nanoTime();
          if (patience.isPresent() && left <= 0) {
            return false;
          }
          try {
            guard.wait(patience.isPresent() ? Math.max(1, left / 1_000_000) : 0);
          } catch (InterruptedException e) {
            interrupted = true; // a stop is not abandoned half way
          }
        }
        if (phase == Phase.STOPPED) {
          return false;
        }
        phase = Phase.STOPPING;
        appsUp = false;
        guard.notifyAll();
        return true;
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void stopAppsAndFinish() {
    stopApps();
    synchronized (guard) {
      phase = Phase.STOPPED;
      appsUp = false;
      guard.notifyAll();
    }
    pidFile.delete();
  }

  private boolean move(Phase from, Phase to) {
    synchronized (guard) {
      if (phase != from) {
        return false;
      }
      phase = to;
      guard.notifyAll();
      return true;
    }
  }

  /** Stops the node's apps in reverse order, reporting each that failed to stop. */
  private List<AppFailure> stopApps() {
    List<AppFailure> failures = node.stopApps();
    for (AppFailure failure : failures) {
      report(err, "app " + failure.app() + " " + failure.version() + " failed to stop: ", failure);
    }
    return failures;
  }

  static void report(PrintStream err, String what, AppFailure failure) {
    Failures.report(err, what, failure.error());
  }
}

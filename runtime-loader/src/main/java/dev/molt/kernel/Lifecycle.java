package dev.molt.kernel;

import dev.molt.kernel.node.AppFailure;
import dev.molt.kernel.node.AppStartException;
import dev.molt.kernel.node.Failures;
import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.Node;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Starts a loaded node and stops it exactly once, owning the pid file: it is written only after
 * every app has started, and removed on every stop. Start and stop are serialized, so a SIGTERM
 * that arrives while apps are starting waits for the start to finish and the pid file written
 * meanwhile is removed by the stop; a start after a stop does nothing.
 */
final class Lifecycle {
  private static final Duration HOOK_GRACE = Duration.ofSeconds(5);
  private final Node node;
  private final Path pidFile;
  private final PrintStream err;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean stopped; // guarded by lock
  private volatile boolean started;
  private volatile Consumer<AppFailure> onMainFailure = f -> { };

  Lifecycle(Node node, PrintStream err) {
    this.node = node;
    this.pidFile = node.root().resolve("tmp").resolve(node.descriptor().name() + ".pid");
    this.err = err;
  }

  Path pidFile() {
    return pidFile;
  }

  /**
   * Starts the apps, waits for {@code ready}, then writes the pid file; on failure nothing is
   * left running or written.
   */
  void start(Consumer<AppFailure> onMainFailure, Readiness ready) throws KernelException {
    lock.lock();
    try {
      if (stopped) {
        return;
      }
      this.onMainFailure = onMainFailure;
      node.startApps(onMainFailure);
      try {
        ready.await();
      } catch (KernelException e) {
        stopLocked();
        throw e;
      }
      try {
        writePidFile();
        started = true;
      } catch (IOException e) {
        stopLocked();
        throw new KernelException("cannot write the pid file " + pidFile + " (" + e + "); make "
            + pidFile.getParent() + " writable by the user running the node", e);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * What must hold, besides the apps running, before the pid file says the node is up (the
   * control channel open). Runs with the start lock held; throwing stops the apps again.
   */
  @FunctionalInterface
  interface Readiness {
    void await() throws KernelException;
  }

  /** True once the apps run and the pid file is written, until the node stops. */
  boolean started() {
    return started && !stopped;
  }

  /**
   * {@code restart}: stops the apps in reverse order and starts them again in this JVM; the pid
   * file stays. While it runs, {@code ping} answers that the node is starting.
   */
  String restartApps() throws KernelException {
    lock.lock();
    try {
      if (stopped) {
        throw new KernelException("the node is stopping; nothing restarted");
      }
      started = false;
      List<AppFailure> failures = stopApps();
      try {
        node.startApps(onMainFailure);
      } catch (AppStartException e) {
        Failures.report(err, "restart: ", e);
        throw new KernelException("restart failed: " + e.getMessage() + "; the node runs with its"
            + " apps stopped: fix the cause, then run bin/" + node.descriptor().name()
            + " reboot", e);
      }
      started = true;
      long apps = node.apps().stream().filter(a -> !a.spec().isLibrary()).count();
      return "restarted " + apps + " app(s)" + (failures.isEmpty() ? ""
          : "; " + failures.size() + " failed to stop cleanly (see the node's log)");
    } finally {
      lock.unlock();
    }
  }

  /** Stops the running apps in reverse order, reporting each failed stop, and removes the pid file. */
  void stop() {
    lock.lock();
    try {
      stopLocked();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The shutdown hook's stop. An app that calls {@code System.exit} inside its {@code start}
   * blocks the starting thread (which holds the lock) until the hooks finish, so waiting for the
   * lock would never end: after a grace period the hook removes the pid file and lets the JVM go.
   */
  void stopFromShutdownHook() {
    boolean locked = false;
    try {
      locked = lock.tryLock(HOOK_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (locked) {
      try {
        stopLocked();
      } finally {
        lock.unlock();
      }
    } else {
      err.println("molt: the JVM is exiting while apps are still starting; not stopping them");
      deletePidFile();
    }
  }

  private void stopLocked() {
    if (stopped) {
      return;
    }
    stopped = true;
    stopApps();
    deletePidFile();
  }

  /** Stops the node's apps in reverse order, reporting each that failed to stop. */
  private List<AppFailure> stopApps() {
    List<AppFailure> failures = node.stopApps();
    for (AppFailure failure : failures) {
      report(err, "app " + failure.app() + " " + failure.version() + " failed to stop: ", failure);
    }
    return failures;
  }

  private void deletePidFile() {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      err.println("molt: cannot remove the pid file " + pidFile + " (" + e + "); remove it by hand");
    }
    err.flush();
  }

  static void report(PrintStream err, String what, AppFailure failure) {
    Failures.report(err, what, failure.error());
  }

  private void writePidFile() throws IOException {
    Path dir = pidFile.getParent();
    if (!Files.isDirectory(dir)) {
      try {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        Files.createDirectories(dir);
      } catch (FileAlreadyExistsException e) {
        // created concurrently by bin/<name>; fine
      }
    }
    // Atomic (a reader sees the whole pid or no file) but not fsynced: after a crash the pid is
    // stale anyway, and an fsync of file and directory costs milliseconds on every boot.
    Path tmp = dir.resolve("." + pidFile.getFileName() + ".tmp");
    Files.writeString(tmp, ProcessHandle.current().pid() + "\n");
    try {
      Files.move(tmp, pidFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, pidFile, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

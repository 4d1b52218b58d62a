package dev.molt.control;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Time limits for blocking socket reads. Unix socket channels have no read timeout, so a limit is
 * a scheduled task that closes the connection, which makes the blocked read fail at once.
 */
final class Watchdog {
  private static final Watchdog SHARED = new Watchdog("molt-control-client-watchdog");
  private final ScheduledThreadPoolExecutor timer;

  Watchdog(String threadName) {
    timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, threadName);
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
  }

  /** The clients' watchdog: one daemon thread for the whole JVM, never shut down. */
  static Watchdog shared() {
    return SHARED;
  }

  ScheduledFuture<?> arm(Duration limit, Runnable onExpiry) {
    return timer.schedule(onExpiry, limit.toNanos(), TimeUnit.NANOSECONDS);
  }

  void shutdown() {
    timer.shutdownNow();
  }
}

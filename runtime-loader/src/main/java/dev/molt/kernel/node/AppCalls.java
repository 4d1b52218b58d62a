package dev.molt.kernel.node;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one app callback ({@code start}, {@code stop}, {@code configChanged}) on a thread of its
 * own, named {@code molt-<app>-<callback>}, with the app's loader as its context class loader,
 * and waits for it at most the node's {@link CallbackDeadline}. A callback that overruns is
 * interrupted and left behind: the kernel (a stop, SIGTERM, the next command) goes on without it.
 * The thread is not a daemon, so threads the app starts from it are not daemons either, as when
 * the kernel's main thread ran them.
 */
final class AppCalls {
  private AppCalls() {}

  /**
   * Runs {@code call} and returns what it threw, unwrapped.
   *
   * @throws CallbackOverrunException when it did not return within {@code deadline}
   */
  static void run(NodeApp app, String callback, Duration deadline, AppLauncher.AppCall call)
      throws Exception {
    FutureTask<Void> task = new FutureTask<>(() -> {
      call.run();
      return null;
    });
    Thread thread = new Thread(task, "molt-" + app.name() + "-" + callback);
    thread.setContextClassLoader(app.applicationLoader());
    thread.start();
    try {
      await(task, deadline);
    } catch (TimeoutException e) {
      thread.interrupt();
      throw new CallbackOverrunException(app.label() + ": " + callback + " did not return within "
          + deadline.toSeconds() + " s; the node went on without it (its thread " + thread.getName()
          + " may still run); fix the app, or raise -D" + CallbackDeadline.PROPERTY + " or "
          + CallbackDeadline.ENV);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception x) {
        throw x;
      }
      if (cause instanceof Error x) {
        throw x;
      }
      throw new KernelException(app.label() + ": " + callback + " threw " + cause, cause);
    }
  }

  /** Waits out the deadline even if this thread is interrupted meanwhile, then re-interrupts. */
  private static void await(FutureTask<Void> task, Duration deadline)
      throws ExecutionException, TimeoutException {
    long end = System.nanoTime() + deadline.toNanos();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          task.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

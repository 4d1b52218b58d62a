package dev.molt.kernel.shell;

import java.io.PrintStream;

/**
 * Sends what snippets print on {@code System.out} and {@code System.err} to the shell that runs
 * them, and everything else to the process's streams as before.
 *
 * <p>Snippets run inside the node's JVM, where {@code System.out} is the node's stdout (its log).
 * On first use this class replaces {@code System.out} and {@code System.err} once, for the life of
 * the process, with {@link RoutedPrintStream}s that ask the writing thread for its {@link Route}.
 * A thread has a route only while it evaluates a snippet; threads it starts meanwhile inherit the
 * route (an {@link InheritableThreadLocal}), which ends with the evaluation, so a server thread a
 * snippet starts prints to the node's log afterwards. Threads without a route, the apps' own,
 * print to the original streams unchanged.
 */
final class OutputRouting {
  private static final InheritableThreadLocal<Route> ROUTE = new InheritableThreadLocal<>();
  private static boolean installed;

  private OutputRouting() {}

  /** Replaces System.out and System.err with routed streams, unless that was done already. */
  static synchronized void install() {
    if (installed) {
      return;
    }
    System.setOut(new RoutedPrintStream(System.out, Route::out));
    System.setErr(new RoutedPrintStream(System.err, Route::err));
    installed = true;
  }

  /**
   * Routes the current thread's (and its new threads') output to {@code out} and {@code err}
   * until the returned route is closed. Routes nest: closing restores the previous one.
   */
  static Route to(PrintStream out, PrintStream err) {
    install();
    Route route = new Route(unwrap(out), unwrap(err), ROUTE.get());
    ROUTE.set(route);
    return route;
  }

  /**
   * A local {@code console} passes {@code System.out} itself, which by then is routed: routing
   * to it would forward to itself forever, so the route takes the stream it wraps.
   */
  private static PrintStream unwrap(PrintStream stream) {
    return stream instanceof RoutedPrintStream routed ? routed.original() : stream;
  }

  /** The stream the current thread prints to, or {@code fallback} when it has no open route. */
  static PrintStream current(java.util.function.Function<Route, PrintStream> pick,
      PrintStream fallback) {
    Route route = ROUTE.get();
    if (route == null || !route.open) {
      return fallback;
    }
    PrintStream target = pick.apply(route);
    return target == null ? fallback : target;
  }

  /** One evaluation's destination for output; closing it ends the routing for every thread. */
  static final class Route implements AutoCloseable {
    private volatile boolean open = true;
    private volatile PrintStream out;
    private volatile PrintStream err;
    private final Route previous;

    private Route(PrintStream out, PrintStream err, Route previous) {
      this.out = out;
      this.err = err;
      this.previous = previous;
    }

    /** The stream for System.out, or null once closed. */
    PrintStream out() {
      return out;
    }

    /** The stream for System.err, or null once closed. */
    PrintStream err() {
      return err;
    }

    @Override
    public void close() {
      open = false;
      // Threads that inherited this route may live on; do not keep the session's streams alive.
      PrintStream o = out;
      PrintStream e = err;
      out = null;
      err = null;
      if (o != null) {
        o.flush();
      }
      if (e != null) {
        e.flush();
      }
      if (previous == null) {
        ROUTE.remove();
      } else {
        ROUTE.set(previous);
      }
    }
  }
}

package dev.molt.control;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Accepts the connections of one listener and hands each admitted one to the pool. It survives
 * everything but {@link ControlServer#close}: a failed accept or hand-over (out of file
 * descriptors, {@code OutOfMemoryError: unable to create native thread}, a throwing pool) is
 * reported as an {@code ACCEPT_FAILED} event, followed by a short pause, and the loop goes on.
 * Without that the node would lose its control channel until it is restarted.
 */
final class AcceptLoop implements Runnable {
  private static final long BACK_OFF_MILLIS = 100;
  private final Listener listener;
  private final ServerSettings settings;
  private final Admission admission;
  private final Executor pool;
  private final Watchdog watchdog;
  private final Set<Connection> open;
  private final AtomicLong ids;
  private final BooleanSupplier closed;

  AcceptLoop(Listener listener, ServerSettings settings, Admission admission, Executor pool, Watchdog watchdog,
      Set<Connection> open, AtomicLong ids, BooleanSupplier closed) {
    this.listener = listener;
    this.settings = settings;
    this.admission = admission;
    this.pool = pool;
    this.watchdog = watchdog;
    this.open = open;
    this.ids = ids;
    this.closed = closed;
  }

  @Override
  public void run() {
    // Only a shutdown interrupts this thread; an interrupted accept would close the listener anyway.
    while (!closed.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
      try {
        acceptOne();
      } catch (IOException e) {
        if (closed.getAsBoolean()) {
          return;
        }
        failed(e);
        // The top of a server thread is an edge like a CLI main: whatever escapes here (an Error
        // included, the native-thread OutOfMemoryError first of all) must not end the loop.
      } catch (RuntimeException | Error e) {
        if (closed.getAsBoolean()) {
          return;
        }
        failed(e);
      }
    }
  }

  private void acceptOne() throws IOException {
    Connection connection = listener.accept();
    long id = ids.incrementAndGet();
    Admission.Ticket ticket = admission.admit(connection);
    if (ticket.refusal().isPresent()) {
      settings.emit(ControlEvent.Kind.REJECTED_BUSY, id, connection, ticket.refusal().get());
      if (connection.transport.equals("unix")) {
        connection.tryWrite(Messages.error(ErrorCode.BUSY, "too many control connections"));
      }
      connection.close();
      return;
    }
    open.add(connection);
    try {
      pool.execute(() -> serve(connection, id, ticket));
    } catch (RuntimeException | Error e) {
      open.remove(connection);
      ticket.release();
      connection.close();
      throw e;
    }
  }

  private void serve(Connection connection, long id, Admission.Ticket ticket) {
    try {
      new ConnectionWorker(settings, connection, id, watchdog, ticket).run();
    } finally {
      open.remove(connection);
      ticket.release();
    }
  }

  /** Reports the failure (rate-limited by the server's throttle), then pauses so a lasting error does not spin. */
  private void failed(Throwable e) {
    settings.emit(ControlEvent.Kind.ACCEPT_FAILED, ids.get(), listener.transport(),
        "accepting a " + listener.transport() + " connection failed (" + e + "); the channel keeps listening");
    try {
      Thread.sleep(BACK_OFF_MILLIS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

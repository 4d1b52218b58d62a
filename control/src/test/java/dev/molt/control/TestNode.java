package dev.molt.control;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A server for tests: echoes requests, counts handler calls and records events. */
final class TestNode implements AutoCloseable {
  static final String COOKIE = "test-cookie-0123456789";
  final List<ControlEvent> events = new CopyOnWriteArrayList<>();
  final AtomicInteger calls = new AtomicInteger();
  final ControlServer server;

  TestNode(Path socket) throws Exception {
    this(socket, b -> b);
  }

  TestNode(Path socket, java.util.function.UnaryOperator<ControlServer.Builder> tweak) throws Exception {
    RequestHandler echo = (request, session) -> {
      calls.incrementAndGet();
      if (request.command().equals("throw")) {
        throw new IllegalStateException("outer", new java.io.IOException("inner cause"));
      }
      return Response.ok(request.command() + " " + String.join(",", request.args())
          + request.input().map(i -> " <" + i + ">").orElse(""));
    };
    server = tweak.apply(ControlServer.builder(socket, cookie(), echo).listener(events::add)).start();
  }

  static byte[] cookie() {
    return COOKIE.getBytes(StandardCharsets.UTF_8);
  }

  ControlClient client() throws ControlException {
    return ControlClient.connect(server.socket(), cookie(), Duration.ofSeconds(5), "book_app");
  }

  boolean saw(ControlEvent.Kind kind) {
    return events.stream().anyMatch(e -> e.kind() == kind);
  }

  /** Waits (bounded) for an event delivered from a server thread. */
  boolean awaitEvent(ControlEvent.Kind kind) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (saw(kind)) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  /**
   * How many connections the server accepted before a probe of ours, once the server's worker has
   * finished with the probe (waits, bounded, for the probe's CLOSED event). The server numbers
   * connections as it accepts them, so an earlier connection counts here even if its own worker
   * has not reported anything yet: a check that nothing connected cannot pass just by being early.
   * The probe authenticates and closes; it calls nothing, so {@link #calls} is unchanged.
   */
  long connectionsBeforeProbe() throws Exception {
    long before = events.stream().filter(e -> e.kind() == ControlEvent.Kind.AUTHENTICATED).count();
    client().close();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      java.util.Optional<ControlEvent> probe = events.stream()
          .filter(e -> e.kind() == ControlEvent.Kind.AUTHENTICATED).skip(before).findFirst();
      if (probe.isPresent() && events.stream().anyMatch(e -> e.kind() == ControlEvent.Kind.CLOSED
          && e.connectionId() == probe.get().connectionId())) {
        return probe.get().connectionId() - 1;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the server did not finish the probe connection within 10 s: " + events);
  }

  @Override
  public void close() {
    server.close();
  }
}

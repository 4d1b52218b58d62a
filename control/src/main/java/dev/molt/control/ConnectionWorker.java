package dev.molt.control;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serves one connection on a pool thread: the handshake under a time limit, then requests and
 * console streams until the client leaves. Any protocol error or failed authentication ends the
 * connection with an ERROR frame, and nothing the client sent is executed.
 */
final class ConnectionWorker implements Runnable {
  private final ServerSettings settings;
  private final Connection connection;
  private final long id;
  private final Watchdog watchdog;
  private final Admission.Ticket ticket;
  private final AtomicBoolean timedOut = new AtomicBoolean();

  ConnectionWorker(ServerSettings settings, Connection connection, long id, Watchdog watchdog,
      Admission.Ticket ticket) {
    this.settings = settings;
    this.connection = connection;
    this.id = id;
    this.watchdog = watchdog;
    this.ticket = ticket;
  }

  @Override
  public void run() {
    settings.emit(ControlEvent.Kind.CONNECTED, id, connection, "connection accepted");
    ScheduledFuture<?> limit = watchdog.arm(settings.handshakeTimeout(), this::expire);
    try {
      connection.limitReads(settings.handshakeTimeout());
      Handshake.serve(connection, settings.cookie(), settings.maxFrameBytes());
      if (!limit.cancel(false)) {
        return;
      }
      connection.limitReads(Duration.ZERO);
      ticket.authenticated();
      Session session = new Session(id, connection.transport, connection.peer, Instant.now());
      settings.emit(ControlEvent.Kind.AUTHENTICATED, id, connection, "cookie proof accepted");
      serve(session);
      settings.emit(ControlEvent.Kind.CLOSED, id, connection, "the client closed the connection");
    } catch (AuthenticationException e) {
      settings.emit(ControlEvent.Kind.AUTHENTICATION_FAILED, id, connection, "wrong cookie: " + e.getMessage());
      // The pause is bounded; the handshake limit must not cut it short with another answer.
      if (limit.cancel(false)) {
        pauseAfterFailedProof();
        connection.tryWrite(Messages.error(ErrorCode.AUTHENTICATION_FAILED, "authentication failed"));
      }
    } catch (UnsupportedVersionException e) {
      settings.emit(ControlEvent.Kind.PROTOCOL_ERROR, id, connection, e.getMessage());
      connection.tryWrite(Messages.error(ErrorCode.VERSION_MISMATCH, "protocol version " + e.version()
          + ", this node speaks " + Protocol.VERSION + "; use the bin/<name> of the same release"));
    } catch (ProtocolException e) {
      settings.emit(ControlEvent.Kind.PROTOCOL_ERROR, id, connection, e.getMessage());
      ErrorCode code = e instanceof UnexpectedFrameException ? ErrorCode.UNEXPECTED_FRAME
          : e instanceof FrameAuthenticationException ? ErrorCode.FRAME_AUTHENTICATION_FAILED : ErrorCode.BAD_FRAME;
      connection.tryWrite(Messages.error(code, e.getMessage()));
    } catch (SocketTimeoutException e) {
      settings.emit(ControlEvent.Kind.HANDSHAKE_TIMEOUT, id, connection, "a handshake read took longer than "
          + settings.handshakeTimeout().toMillis() + " ms");
    } catch (IOException | ControlException e) {
      if (!timedOut.get()) {
        settings.emit(ControlEvent.Kind.CLOSED, id, connection, "connection lost: " + e.getMessage());
      }
    } finally {
      limit.cancel(false);
      connection.close();
    }
  }

  /**
   * Slows down guessing: the answer to a wrong proof comes only after a pause, during which this
   * connection keeps its handshake slot, so one address cannot try faster than its budget allows.
   */
  private void pauseAfterFailedProof() {
    try {
      Thread.sleep(settings.authFailureDelay().toMillis());
    } catch (InterruptedException e) {
      // The server is closing: answer and close at once.
      Thread.currentThread().interrupt();
    }
  }

  private void expire() {
    timedOut.set(true);
    settings.emit(ControlEvent.Kind.HANDSHAKE_TIMEOUT, id, connection,
        "no complete handshake within " + settings.handshakeTimeout().toMillis() + " ms");
    if (connection.transport.equals("unix")) {
      // A TLS write could block in the TLS handshake; a Unix one of a few bytes cannot.
      connection.tryWrite(Messages.error(ErrorCode.HANDSHAKE_TIMEOUT, "handshake time limit exceeded"));
    }
    connection.abort();
  }

  private void serve(Session session) throws IOException, ControlException {
    while (true) {
      Optional<Frame> next = connection.reader.read(settings.maxFrameBytes());
      if (next.isEmpty()) {
        return;
      }
      Frame frame = next.get();
      switch (frame.type()) {
        case REQUEST:
          Request request = Messages.request(frame);
          send(invoke(request, () -> settings.handler().handle(request, session)));
          break;
        case STREAM_OPEN:
          stream(Messages.request(frame), session);
          break;
        case STREAM_DATA:
        case STREAM_END:
          // Input still in flight from a console the handler already ended: nothing to execute.
          break;
        default:
          throw new UnexpectedFrameException("unexpected " + frame.type() + " frame after the handshake");
      }
    }
  }

  private void stream(Request request, Session session) throws IOException, ControlException {
    if (settings.streamHandler().isEmpty()) {
      send(Response.failed(2, "command '" + request.command() + "' is not interactive on this node\n"));
      return;
    }
    ServerConsole console = new ServerConsole(connection, settings.maxFrameBytes());
    Response response = invoke(request, () -> settings.streamHandler().get().handle(request, console, session));
    console.rethrowProtocolError();
    send(response);
  }

  private interface Call {
    Response run() throws Exception;
  }

  private Response invoke(Request request, Call call) {
    Thread thread = Thread.currentThread();
    ClassLoader idle = thread.getContextClassLoader();
    try {
      thread.setContextClassLoader(settings.contextClassLoader().get());
      return call.run();
      // The handler boundary is an edge like a CLI main: whatever the command throws (including
      // NoClassDefFoundError from rpc into a broken app) goes back to the client, the node stays up.
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      settings.emit(ControlEvent.Kind.HANDLER_FAILED, id, connection, "command '" + request.command() + "' threw " + e);
      return Response.thrown(e);
    } finally {
      // Reset so a pooled thread never pins an application's loader after an upgrade.
      thread.setContextClassLoader(idle);
    }
  }

  private void send(Response response) throws IOException {
    Frame frame = Messages.response(response);
    if (frame.payload().length > settings.maxFrameBytes()) {
      frame = Messages.response(Response.failed(1, "the response to this command has " + frame.payload().length
          + " bytes, more than the control channel's frame limit of " + settings.maxFrameBytes()
          + " bytes; ask for less output or raise the limit\n"));
    }
    connection.writer.write(frame);
  }
}

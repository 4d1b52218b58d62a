package dev.molt.control;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * An authenticated session with a node. Both sides proved the cookie before {@code connect}
 * returns. Calls are one at a time (concurrent callers wait); a failed call closes the session.
 */
public final class ControlClient implements AutoCloseable {
  private final Connection connection;
  private final ClientErrors errors;
  private final int maxFrameBytes;
  private volatile boolean streaming;

  private ControlClient(Connection connection, ClientErrors errors, int maxFrameBytes) {
    this.connection = connection;
    this.errors = errors;
    this.maxFrameBytes = maxFrameBytes;
  }

  /** {@link #connect(Path, byte[], Duration, String)} with "the node" as the node's name. */
  public static ControlClient connect(Path socket, byte[] cookie, Duration timeout) throws ControlException {
    return connect(socket, cookie, timeout, "the node");
  }

  /**
   * Connects to the node's Unix socket and runs the handshake.
   *
   * @param timeout limit for connecting and the handshake (not for later calls)
   * @param nodeName the release name, used in messages ("book_app is not running ...")
   * @throws NodeNotRunningException no socket file, or nothing listens on it
   * @throws SocketAccessDeniedException the socket belongs to another user
   * @throws AuthenticationException the node rejected the cookie, or could not prove it
   * @throws ProtocolException the node speaks another protocol version
   */
  public static ControlClient connect(Path socket, byte[] cookie, Duration timeout, String nodeName)
      throws ControlException {
    requireCookie(cookie);
    ClientErrors errors = ClientErrors.of(socket, nodeName);
    String notRunning = nodeName + " is not running (no control socket at " + socket + ")";
    if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      throw blockedDirectory(socket) ? denied(socket) : new NodeNotRunningException(notRunning);
    }
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    } catch (IOException e) {
      throw new ControlException("cannot open a Unix socket: " + e.getMessage(), e);
    }
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      close(channel);
      if (String.valueOf(e.getMessage()).contains("Permission denied")) {
        throw denied(socket);
      }
      throw new NodeNotRunningException(nodeName + " is not running (nothing listens on the control socket at "
          + socket + ")", e);
    }
    Connection connection = new Connection(ChannelStreams.in(channel), ChannelStreams.out(channel), channel, "unix",
        Optional.empty());
    return handshake(connection, cookie, timeout, errors);
  }

  /**
   * Connects to a node's TLS listener and runs the handshake. {@code tls} must recognise the node's
   * certificate: {@link TlsTrust#pinned} with its fingerprint, or {@link TlsTrust#trustStore} with
   * a trust store that holds it (no private key needed).
   *
   * @throws AuthenticationException the server's certificate is not the one {@code tls} trusts
   */
  public static ControlClient connectTls(InetSocketAddress address, SSLContext tls, byte[] cookie, Duration timeout,
      String nodeName) throws ControlException {
    requireCookie(cookie);
    Connection connection = TlsConnect.open(address, tls, timeout, nodeName);
    return handshake(connection, cookie, timeout, new ClientErrors(address.toString(), nodeName));
  }

  /** Sends one request and waits for its response, however long the command takes. */
  public synchronized Response call(Request request) throws ControlException {
    Objects.requireNonNull(request, "request");
    requireIdle();
    send(Messages.request(FrameType.REQUEST, request));
    return readResponse();
  }

  /**
   * Opens an interactive stream ({@code remote_console}). This session is busy until the stream's
   * {@link ConsoleSession#await} returns.
   */
  public synchronized ConsoleSession openConsole(Request request) throws ControlException {
    Objects.requireNonNull(request, "request");
    requireIdle();
    send(Messages.request(FrameType.STREAM_OPEN, request));
    streaming = true;
    return new ConsoleSession(this, connection, maxFrameBytes);
  }

  /** Idempotent. */
  @Override
  public void close() {
    connection.close();
  }

  /** Called by the console when the node's closing RESPONSE arrived. */
  void streamEnded() {
    streaming = false;
  }

  private void requireIdle() {
    if (streaming) {
      throw new IllegalStateException("a console stream is open on this session; await its end first");
    }
  }

  Response readResponse() throws ControlException {
    try {
      return Messages.response(errors.expect(connection, FrameType.RESPONSE, maxFrameBytes));
    } catch (IOException e) {
      close();
      throw lost(e);
    } catch (ControlException e) {
      close();
      throw e;
    }
  }

  Frame readFrame() throws ControlException {
    try {
      Frame frame = errors.read(connection, maxFrameBytes);
      if (frame.type() == FrameType.ERROR) {
        throw errors.fromError(Messages.error(frame));
      }
      return frame;
    } catch (IOException e) {
      close();
      throw lost(e);
    } catch (ControlException e) {
      close();
      throw e;
    }
  }

  void send(Frame frame) throws ControlException {
    if (frame.payload().length > maxFrameBytes) {
      throw new ControlException("the request has " + frame.payload().length + " bytes, more than the node's frame "
          + "limit of " + maxFrameBytes + " bytes; send less input");
    }
    try {
      connection.writer.write(frame);
    } catch (IOException e) {
      close();
      throw lost(e);
    }
  }

  private ConnectionClosedException lost(IOException e) {
    return new ConnectionClosedException("the connection to the node broke (" + e.getMessage()
        + "); the node may have stopped, see its log", e);
  }

  private static ControlClient handshake(Connection connection, byte[] cookie, Duration timeout, ClientErrors errors)
      throws ControlException {
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> limit = Watchdog.shared().arm(timeout, () -> {
      expired.set(true);
      connection.abort();
    });
    try {
      connection.limitReads(timeout);
      int maxFrameBytes = Handshake.authenticate(connection, cookie, errors);
      if (!limit.cancel(false)) {
        throw new IOException("closed by the time limit");
      }
      connection.limitReads(Duration.ZERO);
      return new ControlClient(connection, errors, Math.min(maxFrameBytes, Protocol.MAX_FRAME_CEILING));
    } catch (IOException | ControlException e) {
      connection.close();
      if (expired.get() || e instanceof SocketTimeoutException) {
        throw new ControlTimeoutException("the node did not complete the handshake within " + timeout.toMillis()
            + " ms; it may be overloaded or hung, see its log", e);
      }
      if (e instanceof ControlException) {
        throw (ControlException) e;
      }
      throw new ConnectionClosedException("the node closed the connection during the handshake ("
          + e.getMessage() + "); see the node's log", e);
    } finally {
      limit.cancel(false);
    }
  }

  private static void requireCookie(byte[] cookie) throws CookieException {
    if (cookie.length == 0) {
      throw new CookieException("no cookie given; set MOLT_COOKIE or restore releases/COOKIE");
    }
  }

  /**
   * Whether the socket looks missing only because a directory above it may not be searched (the
   * release's tmp/ of another user): the nearest existing ancestor decides.
   */
  private static boolean blockedDirectory(Path socket) {
    for (Path p = socket.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return !Files.isExecutable(p);
      }
    }
    return false;
  }

  private static SocketAccessDeniedException denied(Path socket) {
    return new SocketAccessDeniedException("permission denied on the control socket " + socket
        + "; it belongs to the user that started the node, run bin/<name> as that user");
  }

  private static void close(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing a socket that never connected: nothing to recover.
    }
  }
}

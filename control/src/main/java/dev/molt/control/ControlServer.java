package dev.molt.control;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The node's end of the control channel: a Unix domain socket (and, only when configured, a TLS
 * listener) whose connections must prove the cookie before any request is executed. Start one
 * with {@link #builder}; {@link #close} stops listening and deletes the socket file. Thread-safe.
 */
public final class ControlServer implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private final Path socket;
  private final List<Listener> listeners;
  private final Optional<Integer> tlsPort;
  private final ThreadPoolExecutor pool;
  private final Watchdog watchdog;
  // Interrupting a pool thread does not unblock a read on a TLS socket; closing the socket does.
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private ControlServer(Path socket, List<Listener> listeners, Optional<Integer> tlsPort, ThreadPoolExecutor pool,
      Watchdog watchdog) {
    this.socket = socket;
    this.listeners = listeners;
    this.tlsPort = tlsPort;
    this.pool = pool;
    this.watchdog = watchdog;
  }

  /**
   * A builder for a server on the given socket path.
   *
   * @param socket the socket file; its parent is created with mode 0700 if missing. Must be short
   *     (the OS limit for a socket path is about 100 bytes)
   * @param cookie the release cookie, not empty; copied
   * @param handler executes requests; see {@link RequestHandler} for its threading rules
   */
  public static Builder builder(Path socket, byte[] cookie, RequestHandler handler) {
    return new Builder(socket, cookie, handler);
  }

  /** The socket path this server listens on. */
  public Path socket() {
    return socket;
  }

  /** The bound TLS port, when a TLS listener was configured. */
  public Optional<Integer> tlsPort() {
    return tlsPort;
  }

  /** Stops accepting, closes the listeners, deletes the socket file; open sessions are cut. Idempotent. */
  @Override
  public void close() {
    closed = true;
    listeners.forEach(Listener::close);
    open.forEach(Connection::close);
    pool.shutdownNow();
    watchdog.shutdown();
  }

  /** Configures and starts a {@link ControlServer}. Not thread-safe; use once. */
  public static final class Builder {
    private final Path socket;
    private final byte[] cookie;
    private final RequestHandler handler;
    private Optional<StreamHandler> streamHandler = Optional.empty();
    private int maxFrameBytes = Protocol.DEFAULT_MAX_FRAME_BYTES;
    private Duration handshakeTimeout = Duration.ofSeconds(5);
    private int maxConnections = 16;
    private Optional<Integer> reservedForUnix = Optional.empty();
    private int tlsHandshakes = 8;
    private int tlsHandshakesPerAddress = 4;
    private Duration authFailureDelay = Duration.ofMillis(500);
    private Duration eventWindow = Duration.ofSeconds(10);
    private ThreadFactory threadFactory = task -> daemon(task, "molt-control-" + THREADS.incrementAndGet());
    private Supplier<ClassLoader> contextClassLoader = ControlServer.class::getClassLoader;
    private Consumer<ControlEvent> listener = event -> { };
    private Optional<TlsConfig> tls = Optional.empty();

    private Builder(Path socket, byte[] cookie, RequestHandler handler) {
      this.socket = Objects.requireNonNull(socket, "socket");
      this.cookie = cookie.clone();
      if (this.cookie.length == 0) {
        throw new IllegalArgumentException("the cookie is empty; a node must not accept connections without one");
      }
      this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Enables interactive commands ({@code remote_console}); without it they fail with exit code 2. */
    public Builder streamHandler(StreamHandler streamHandler) {
      this.streamHandler = Optional.of(streamHandler);
      return this;
    }

    /** Largest frame payload accepted after authentication; default 1 MiB, 1 KiB..64 MiB. */
    public Builder maxFrameBytes(int maxFrameBytes) {
      if (maxFrameBytes < Protocol.HANDSHAKE_MAX_FRAME_BYTES || maxFrameBytes > Protocol.MAX_FRAME_CEILING) {
        throw new IllegalArgumentException("maxFrameBytes " + maxFrameBytes + " is not in "
            + Protocol.HANDSHAKE_MAX_FRAME_BYTES + ".." + Protocol.MAX_FRAME_CEILING);
      }
      this.maxFrameBytes = maxFrameBytes;
      return this;
    }

    /** Time a client has from connecting to a completed handshake; default 5 s. */
    public Builder handshakeTimeout(Duration handshakeTimeout) {
      if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
        throw new IllegalArgumentException("handshakeTimeout must be positive");
      }
      this.handshakeTimeout = handshakeTimeout;
      return this;
    }

    /** Connections served at once (each holds one daemon thread); more are refused. Default 16. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1");
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Slots of {@link #maxConnections} that TLS connections may never take, so a local {@code
     * bin/<name>} gets through however many TLS peers there are. Default: a quarter of {@code
     * maxConnections}, at most 4, and always at least one slot left for TLS.
     */
    public Builder reservedForUnix(int reservedForUnix) {
      if (reservedForUnix < 0) {
        throw new IllegalArgumentException("reservedForUnix must not be negative");
      }
      this.reservedForUnix = Optional.of(reservedForUnix);
      return this;
    }

    /**
     * How many TLS connections may be in their handshake (not yet authenticated) at once, in all
     * and from one remote address; more are closed at once. Default 8 and 4.
     */
    public Builder tlsHandshakeLimits(int total, int perAddress) {
      if (total < 1 || perAddress < 1 || perAddress > total) {
        throw new IllegalArgumentException("TLS handshake limits " + total + "/" + perAddress
            + " must be at least 1, and the per-address limit at most the total");
      }
      this.tlsHandshakes = total;
      this.tlsHandshakesPerAddress = perAddress;
      return this;
    }

    /** Pause before a wrong cookie proof is answered (and the connection closed); default 500 ms. */
    public Builder authFailureDelay(Duration authFailureDelay) {
      if (authFailureDelay.isNegative() || authFailureDelay.compareTo(Duration.ofSeconds(10)) > 0) {
        throw new IllegalArgumentException("authFailureDelay must be between 0 and 10 s");
      }
      this.authFailureDelay = authFailureDelay;
      return this;
    }

    /**
     * At most one event of each rejection kind (failed authentication, handshake timeout,
     * protocol error, busy, failed accept) reaches the listener per window; the next one that
     * does counts those held back. Default 10 s.
     */
    public Builder rejectionLogWindow(Duration eventWindow) {
      if (eventWindow.isNegative()) {
        throw new IllegalArgumentException("the rejection log window must not be negative");
      }
      this.eventWindow = eventWindow;
      return this;
    }

    /** Makes the connection threads; tests use it to fail the way a JVM out of threads does. */
    Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
      return this;
    }

    /**
     * The context class loader handlers run with, asked once per request (so it can follow an
     * upgrade); the thread's loader is restored afterwards. Default: this library's loader.
     */
    public Builder contextClassLoader(Supplier<ClassLoader> contextClassLoader) {
      this.contextClassLoader = Objects.requireNonNull(contextClassLoader, "contextClassLoader");
      return this;
    }

    /** Receives connection events, failed authentications included; called on server threads. */
    public Builder listener(Consumer<ControlEvent> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Also listen on TCP with TLS. There is no way to listen on plain TCP. */
    public Builder tls(TlsConfig tls) {
      this.tls = Optional.of(tls);
      return this;
    }

    /**
     * Binds the socket (removing a stale one) and starts serving.
     *
     * @throws NodeAlreadyRunningException if a live server answers on the socket path
     */
    public ControlServer start() throws IOException, ControlException {
      int reserved = reservedForUnix.orElse(Math.min(4, maxConnections / 4));
      if (reserved >= maxConnections && tls.isPresent()) {
        throw new IllegalArgumentException("reservedForUnix " + reserved + " leaves none of the " + maxConnections
            + " connection slots for TLS; lower it or raise maxConnections");
      }
      ServerSettings settings = new ServerSettings(cookie, handler, streamHandler, maxFrameBytes, handshakeTimeout,
          authFailureDelay, contextClassLoader, new EventThrottle(listener, eventWindow, System::nanoTime));
      List<Listener> listeners = new ArrayList<>();
      listeners.add(UnixListener.bind(socket));
      Optional<Integer> tlsPort = Optional.empty();
      if (tls.isPresent()) {
        try {
          TlsListener tlsListener = TlsListener.bind(tls.get());
          listeners.add(tlsListener);
          tlsPort = Optional.of(tlsListener.port());
        } catch (IOException | ControlException e) {
          listeners.forEach(Listener::close);
          throw e;
        }
      }
      ThreadPoolExecutor pool = new ThreadPoolExecutor(maxConnections, maxConnections, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), threadFactory);
      pool.allowCoreThreadTimeOut(true);
      ControlServer server = new ControlServer(socket, List.copyOf(listeners), tlsPort, pool,
          new Watchdog("molt-control-watchdog"));
      Admission admission = new Admission(maxConnections, reserved, tlsHandshakes, tlsHandshakesPerAddress);
      AtomicLong ids = new AtomicLong();
      for (Listener l : listeners) {
        daemon(new AcceptLoop(l, settings, admission, pool, server.watchdog, server.open, ids, () -> server.closed),
            "molt-control-accept-" + l.transport()).start();
      }
      return server;
    }

    private static Thread daemon(Runnable task, String name) {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    }
  }
}

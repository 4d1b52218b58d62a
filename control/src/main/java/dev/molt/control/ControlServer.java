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
import java.util.concurrent.Semaphore;
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

  private void acceptLoop(Listener listener, ServerSettings settings, Semaphore slots, AtomicLong ids) {
    while (!closed) {
      Connection connection;
      try {
        connection = listener.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        backOff();
        continue;
      }
      long id = ids.incrementAndGet();
      if (!slots.tryAcquire()) {
        settings.emit(ControlEvent.Kind.REJECTED_BUSY, id, connection, "all connection slots are in use");
        if (connection.transport.equals("unix")) {
          connection.tryWrite(Messages.error(ErrorCode.BUSY, "too many control connections"));
        }
        connection.close();
        continue;
      }
      open.add(connection);
      pool.execute(() -> {
        try {
          new ConnectionWorker(settings, connection, id, watchdog).run();
        } finally {
          open.remove(connection);
          slots.release();
        }
      });
    }
  }

  /** After a failed accept (out of file descriptors, say), so a persistent error does not spin. */
  private static void backOff() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
      ServerSettings settings = new ServerSettings(cookie, handler, streamHandler, maxFrameBytes, handshakeTimeout,
          contextClassLoader, listener);
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
      AtomicInteger threads = new AtomicInteger();
      ThreadPoolExecutor pool = new ThreadPoolExecutor(maxConnections, maxConnections, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), task -> daemon(task, "molt-control-" + threads.incrementAndGet()));
      pool.allowCoreThreadTimeOut(true);
      ControlServer server = new ControlServer(socket, List.copyOf(listeners), tlsPort, pool,
          new Watchdog("molt-control-watchdog"));
      Semaphore slots = new Semaphore(maxConnections);
      AtomicLong ids = new AtomicLong();
      for (Listener l : listeners) {
        daemon(() -> server.acceptLoop(l, settings, slots, ids), "molt-control-accept-" + l.transport()).start();
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

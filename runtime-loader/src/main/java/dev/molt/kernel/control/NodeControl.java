package dev.molt.kernel.control;

import dev.molt.control.ControlEvent;
import dev.molt.control.ControlException;
import dev.molt.control.ControlServer;
import dev.molt.control.Cookie;
import dev.molt.control.CookieException;
import dev.molt.control.NodeAlreadyRunningException;
import dev.molt.control.TlsConfig;
import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.Node;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node's control channel: a {@link ControlServer} on the release's socket, authenticated
 * with the release cookie, serving {@link NodeCommands} and the remote console. Security events
 * (failed authentications, bad frames, failed handlers) go to the node's log.
 */
public final class NodeControl implements AutoCloseable {
  private static final Set<ControlEvent.Kind> LOGGED = EnumSet.of(
      ControlEvent.Kind.AUTHENTICATION_FAILED, ControlEvent.Kind.HANDSHAKE_TIMEOUT,
      ControlEvent.Kind.PROTOCOL_ERROR, ControlEvent.Kind.REJECTED_BUSY,
      ControlEvent.Kind.HANDLER_FAILED, ControlEvent.Kind.ACCEPT_FAILED);
  private final ControlServer server;

  private NodeControl(ControlServer server) {
    this.server = server;
  }

  /**
   * Opens the channel. Call before the apps start, so a second node of the same release fails
   * before running anything.
   *
   * @throws KernelException when there is no cookie, another node listens on the socket, or the
   *     socket cannot be created
   */
  public static NodeControl start(Node node, NodeActions actions, Map<String, String> env,
      PrintStream log) throws KernelException {
    String name = node.descriptor().name();
    Path socket = ControlSocket.of(node.root(), name);
    ControlSocket.prepare(node.root(), socket);
    byte[] cookie;
    try {
      cookie = Cookie.resolveForNode(node.root().resolve("releases").resolve("COOKIE"), env);
    } catch (CookieException e) {
      throw new KernelException(e.getMessage() + "; start the node with bin/" + name
          + " (it creates releases/COOKIE) or set MOLT_COOKIE", e);
    }
    Optional<TlsConfig> tls = TlsSettings.read(node.root(), env);
    try {
      ControlServer.Builder builder = ControlServer.builder(socket, cookie,
              new NodeCommands(node, actions, socket, env))
          .streamHandler(new ConsoleCommand(node))
          .listener(event -> {
            if (LOGGED.contains(event.kind())) {
              log.println("molt: " + event);
              log.flush();
            }
          });
      tls.ifPresent(builder::tls);
      ControlServer server = builder.start();
      if (server.tlsPort().isPresent()) {
        // Clients pin this fingerprint (TlsTrust.pinned) to know they talk to this node.
        log.println("molt: control channel also listens with TLS on " + tls.get().host() + ":"
            + server.tlsPort().get() + "; its certificate's SHA-256 fingerprint is "
            + tls.get().certificateFingerprint());
      }
      return new NodeControl(server);
    } catch (NodeAlreadyRunningException e) {
      throw new KernelException(name + " is already running: " + e.getMessage()
          + "; stop it with bin/" + name + " stop", e);
    } catch (ControlException | IOException e) {
      throw new KernelException("cannot open the control channel on " + socket
          + tls.map(t -> " and TLS " + t.host() + ":" + t.port()).orElse("") + " (" + e.getMessage()
          + "); check that " + socket.getParent() + " is writable"
          + (tls.isPresent() ? " and the TLS port is free" : ""), e);
    }
  }

  /**
   * Loads the channel's classes and seeds its {@code SecureRandom} (tens of milliseconds cold),
   * for a thread that runs while the node loads: the channel must open before the apps start,
   * but need not cost that time on the boot's path. Failures are ignored: {@link #start} then
   * does the same work and reports them.
   */
  public static void warmUp() {
    ClassLoader loader = NodeControl.class.getClassLoader();
    for (String type : List.of("dev.molt.control.ControlServer",
        "dev.molt.control.ControlServer$Builder", "dev.molt.control.UnixListener",
        "dev.molt.control.ConnectionWorker", "dev.molt.control.Handshake",
        "dev.molt.control.Watchdog", "dev.molt.kernel.control.NodeCommands")) {
      try {
        Class.forName(type, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return;
      }
    }
    try (ServerSocketChannel unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      unix.isOpen(); // loads the Unix socket classes
    } catch (IOException | UnsupportedOperationException e) {
      // start reports it
    }
  }

  public Path socket() {
    return server.socket();
  }

  /** Closes the socket (and deletes its file); idempotent. */
  @Override
  public void close() {
    server.close();
  }
}

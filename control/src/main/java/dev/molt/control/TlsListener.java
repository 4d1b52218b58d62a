package dev.molt.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** The optional TCP listener; every socket it accepts is TLS, there is no plain variant. */
final class TlsListener implements Listener {
  private final SSLServerSocket server;

  private TlsListener(SSLServerSocket server) {
    this.server = server;
  }

  static TlsListener bind(TlsConfig config) throws IOException, ControlException {
    SSLServerSocket server = (SSLServerSocket) config.sslContext().getServerSocketFactory().createServerSocket();
    try {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), 50);
    } catch (IOException e) {
      server.close();
      throw new ControlException("cannot listen with TLS on " + config.host() + ":" + config.port() + ": "
          + e.getMessage() + "; choose a free port", e);
    }
    return new TlsListener(server);
  }

  int port() {
    return server.getLocalPort();
  }

  @Override
  public Connection accept() throws IOException {
    SSLSocket socket = (SSLSocket) server.accept();
    // The TLS handshake itself runs on the worker thread, inside the handshake time limit.
    return new Connection(socket.getInputStream(), socket.getOutputStream(), socket, transport(),
        Optional.of(socket.getRemoteSocketAddress().toString()), Optional.of(socket.getInetAddress().getHostAddress()));
  }

  @Override
  public String transport() {
    return "tls";
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Already closed.
    }
  }
}

package dev.molt.control;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * The client's TCP connection with its TLS handshake done, so that a server whose certificate
 * the client does not trust is refused before the client sends anything, with a message that
 * tells a refused certificate from a refused connection.
 */
final class TlsConnect {
  private TlsConnect() {}

  static Connection open(InetSocketAddress address, SSLContext tls, Duration timeout, String nodeName)
      throws ControlException {
    SSLSocket socket;
    try {
      socket = (SSLSocket) tls.getSocketFactory().createSocket();
      socket.connect(address, (int) Math.max(1, timeout.toMillis()));
    } catch (IOException e) {
      throw new NodeNotRunningException(nodeName + " is not running (nothing listens with TLS on " + address + ")", e);
    }
    try {
      socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
      socket.startHandshake();
      return new Connection(socket.getInputStream(), socket.getOutputStream(), socket, "tls",
          Optional.of(address.toString()));
    } catch (SSLHandshakeException e) {
      close(socket);
      if (!rejectedCertificate(e)) {
        throw new ConnectionClosedException("the TLS handshake with " + address + " failed (" + e.getMessage()
            + "); the node may be busy or refusing this address, see its log", e);
      }
      throw new AuthenticationException("the TLS server at " + address + " is not the node this client trusts ("
          + e.getMessage() + "); check the pinned fingerprint or the trust store", e);
    } catch (IOException e) {
      close(socket);
      throw new ConnectionClosedException("TLS connection to " + address + " failed: " + e.getMessage(), e);
    }
  }

  /** Whether the handshake failed because this side's trust manager refused the server's certificate. */
  private static boolean rejectedCertificate(SSLHandshakeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return true;
      }
    }
    return false;
  }

  private static void close(SSLSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // A socket whose handshake failed: nothing left to release.
    }
  }
}

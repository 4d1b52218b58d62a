package dev.molt.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may open a connection now. Every connection holds one of {@code maxConnections} slots (a
 * pool thread) until it closes; TLS connections may never take the {@code reservedForUnix} last
 * ones, so strangers on the network cannot keep a local {@code bin/<name> ping} out. TLS
 * connections that have not yet proved the cookie have their own, smaller budget, in total and
 * per remote address. Thread-safe.
 */
final class Admission {
  private final int maxConnections;
  private final int reservedForUnix;
  private final int tlsHandshakes;
  private final int tlsHandshakesPerAddress;
  private final Map<String, Integer> handshakesByAddress = new HashMap<>();
  private int open;
  private int openTls;
  private int handshakingTls;

  Admission(int maxConnections, int reservedForUnix, int tlsHandshakes, int tlsHandshakesPerAddress) {
    this.maxConnections = maxConnections;
    this.reservedForUnix = reservedForUnix;
    this.tlsHandshakes = tlsHandshakes;
    this.tlsHandshakesPerAddress = tlsHandshakesPerAddress;
  }

  /** A ticket to serve the connection, or (with {@link Ticket#refusal}) the reason to refuse it. */
  synchronized Ticket admit(Connection connection) {
    if (open >= maxConnections) {
      return refused("all " + maxConnections + " connection slots are in use");
    }
    if (connection.transport.equals("unix")) {
      open++;
      return new Ticket(false, "", Optional.empty());
    }
    String address = connection.host.orElse("?");
    if (openTls >= maxConnections - reservedForUnix) {
      return refused("all " + (maxConnections - reservedForUnix) + " TLS connection slots are in use ("
          + reservedForUnix + " more are kept for the Unix socket)");
    }
    if (handshakingTls >= tlsHandshakes) {
      return refused(tlsHandshakes + " TLS connections are already in their handshake");
    }
    int fromAddress = handshakesByAddress.getOrDefault(address, 0);
    if (fromAddress >= tlsHandshakesPerAddress) {
      return refused(fromAddress + " TLS connections from " + address + " are already in their handshake");
    }
    open++;
    openTls++;
    handshakingTls++;
    handshakesByAddress.put(address, fromAddress + 1);
    return new Ticket(true, address, Optional.empty());
  }

  private Ticket refused(String reason) {
    return new Ticket(false, "", Optional.of(reason));
  }

  private synchronized void handshakeDone(String address) {
    handshakingTls--;
    handshakesByAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
  }

  private synchronized void closed(boolean tls) {
    open--;
    if (tls) {
      openTls--;
    }
  }

  /** One admitted (or refused) connection; {@link #authenticated} and {@link #release} are idempotent. */
  final class Ticket {
    private final boolean tls;
    private final String address;
    private final Optional<String> refusal;
    private boolean handshaking;
    private boolean released;

    private Ticket(boolean tls, String address, Optional<String> refusal) {
      this.tls = tls;
      this.address = address;
      this.refusal = refusal;
      this.handshaking = tls;
    }

    Optional<String> refusal() {
      return refusal;
    }

    /** The connection proved the cookie: it leaves the handshake budget (it keeps its slot). */
    synchronized void authenticated() {
      if (handshaking) {
        handshaking = false;
        handshakeDone(address);
      }
    }

    /** The connection closed: frees its slot. */
    synchronized void release() {
      if (refusal.isPresent() || released) {
        return;
      }
      authenticated();
      released = true;
      closed(tls);
    }
  }
}

package dev.molt.control;

import java.util.Objects;
import java.util.Optional;

/**
 * Something a node operator may want in the log: connections, failed authentications, protocol
 * errors. Delivered to the listener given to {@link ControlServer.Builder#listener}; never contains
 * the cookie or request contents.
 *
 * @param kind what happened
 * @param connectionId the server's number for the connection
 * @param transport {@code "unix"} or {@code "tls"}
 * @param peer the peer's user or address, when known
 * @param detail a human-readable explanation
 */
public record ControlEvent(Kind kind, long connectionId, String transport, Optional<String> peer, String detail) {
  /** The kinds of events. */
  public enum Kind {
    CONNECTED, AUTHENTICATED, AUTHENTICATION_FAILED, HANDSHAKE_TIMEOUT, PROTOCOL_ERROR,
    REJECTED_BUSY, HANDLER_FAILED, CLOSED, ACCEPT_FAILED
  }

  public ControlEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return "control " + kind + " #" + connectionId + " " + transport + peer.map(p -> " " + p).orElse("") + ": " + detail;
  }
}

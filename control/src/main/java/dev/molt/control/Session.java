package dev.molt.control;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The authenticated connection a request arrived on, for handlers that log or limit. Immutable.
 *
 * @param id a number unique within one server
 * @param transport {@code "unix"} or {@code "tls"}
 * @param peer who connected, when known: for Unix sockets the peer's user (needs the {@code
 *     jdk.net} module), for TLS the remote address
 * @param authenticatedAt when the handshake succeeded
 */
public record Session(long id, String transport, Optional<String> peer, Instant authenticatedAt) {
  public Session {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(authenticatedAt, "authenticatedAt");
  }
}

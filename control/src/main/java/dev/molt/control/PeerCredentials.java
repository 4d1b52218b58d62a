package dev.molt.control;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The user on the other end of a Unix socket (SO_PEERCRED), for the log of failed attempts. The
 * {@code jdk.net} module may be missing from a trimmed jlink runtime, so every failure, including
 * a missing class, just means "unknown".
 */
final class PeerCredentials {
  private PeerCredentials() {}

  static Optional<String> of(SocketChannel channel) {
    try {
      UnixDomainPrincipal principal = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
      return Optional.of("user " + principal.user().getName());
    } catch (IOException | UnsupportedOperationException | LinkageError e) {
      return Optional.empty();
    }
  }
}

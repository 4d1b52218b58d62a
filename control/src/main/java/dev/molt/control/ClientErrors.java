package dev.molt.control;

import java.io.IOException;
import java.nio.file.Path;

/** Turns what the client meets on the wire into exceptions that tell the user what to do. */
final class ClientErrors {
  private final String where;
  private final String name;

  ClientErrors(String where, String name) {
    this.where = where;
    this.name = name;
  }

  static ClientErrors of(Path socket, String name) {
    return new ClientErrors(socket.toString(), name);
  }

  /** Reads the next frame, which must be of the given type; an ERROR frame becomes its exception. */
  Frame expect(Connection connection, FrameType type, int maxPayload) throws IOException, ControlException {
    Frame frame = read(connection, maxPayload);
    if (frame.type() == FrameType.ERROR) {
      throw fromError(Messages.error(frame));
    }
    if (frame.type() != type) {
      throw new ProtocolException("the node at " + where + " sent a " + frame.type() + " frame where " + type
          + " was expected; use the bin/" + name + " of the running release");
    }
    return frame;
  }

  Frame read(Connection connection, int maxPayload) throws IOException, ControlException {
    try {
      return connection.reader.read(maxPayload).orElseThrow(() -> new ConnectionClosedException(
          "the node at " + where + " closed the connection; the node may have stopped, see its log"));
    } catch (UnsupportedVersionException e) {
      throw versionMismatch(e.version());
    }
  }

  /** Throws the exception of an ERROR frame that arrived before the connection broke, if any. */
  void rethrowPendingError(Connection connection) throws ControlException {
    Frame frame;
    try {
      frame = connection.reader.read(Protocol.HANDSHAKE_MAX_FRAME_BYTES).orElse(null);
    } catch (IOException | ProtocolException e) {
      return;
    }
    if (frame != null && frame.type() == FrameType.ERROR) {
      throw fromError(Messages.error(frame));
    }
  }

  ControlException fromError(Messages.Error error) {
    switch (error.code()) {
      case AUTHENTICATION_FAILED:
        return new AuthenticationException("the node rejected the cookie; check releases/COOKIE or MOLT_COOKIE");
      case HANDSHAKE_TIMEOUT:
        return new ControlTimeoutException("the node at " + where + " closed the connection: " + error.message());
      case BUSY:
        return new ControlException("the node at " + where + " is busy: " + error.message() + "; retry later");
      default:
        return new ProtocolException("the node at " + where + " closed the connection: " + error.message());
    }
  }

  ProtocolException versionMismatch(int nodeVersion) {
    return new ProtocolException("the node speaks protocol version " + nodeVersion + ", this client speaks "
        + Protocol.VERSION + "; use the bin/" + name + " of the same release as the running node");
  }

  AuthenticationException impostor() {
    return new AuthenticationException("the process at " + where + " could not prove it knows the cookie; "
        + "it is not this release's node, check releases/COOKIE or MOLT_COOKIE");
  }
}

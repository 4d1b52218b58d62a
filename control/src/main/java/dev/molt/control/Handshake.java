package dev.molt.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;

/**
 * The cookie challenge–response. The client sends a nonce (HELLO), the server a fresh nonce
 * (CHALLENGE), the client proves the cookie with HMAC-SHA256 over both nonces, the version and its
 * role (AUTH), and the server answers with its own proof (OK). The cookie never crosses the wire;
 * a recorded AUTH is worthless on another connection because the server nonce differs; the role
 * byte keeps one side's proof from being reflected as the other's. Both sides then derive a
 * session key from the cookie and both nonces and seal every later frame with it ({@link
 * FrameSeal}), so the proof cannot be split from the frames that follow it.
 */
final class Handshake {
  static final byte CLIENT = 'C';
  static final byte SERVER = 'S';
  private static final byte[] LABEL = "molt-control".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Handshake() {}

  static byte[] nonce() {
    byte[] nonce = new byte[Protocol.NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    return nonce;
  }

  static byte[] mac(byte[] cookie, byte role, byte[] serverNonce, byte[] clientNonce) {
    Mac mac = FrameSeal.hmac(cookie);
    mac.update(LABEL);
    mac.update((byte) Protocol.VERSION);
    mac.update(role);
    mac.update(serverNonce);
    mac.update(clientNonce);
    return mac.doFinal();
  }

  /** Server side; returns normally only when the client proved the cookie. */
  static void serve(Connection connection, byte[] cookie, int maxFrameBytes) throws IOException, ControlException {
    byte[] clientNonce = Messages.fixed(expect(connection, FrameType.HELLO));
    byte[] serverNonce = nonce();
    connection.writer.write(FrameType.CHALLENGE, serverNonce);
    byte[] proof = Messages.fixed(expect(connection, FrameType.AUTH));
    if (!MessageDigest.isEqual(mac(cookie, CLIENT, serverNonce, clientNonce), proof)) {
      throw new AuthenticationException("the client's cookie proof does not match");
    }
    connection.writer.write(Messages.welcome(mac(cookie, SERVER, serverNonce, clientNonce), maxFrameBytes));
    connection.seal(FrameSeal.sessionKey(cookie, serverNonce, clientNonce), SERVER);
  }

  /** Client side; returns the server's frame limit once the server proved the cookie too. */
  static int authenticate(Connection connection, byte[] cookie, ClientErrors errors) throws IOException, ControlException {
    byte[] clientNonce = nonce();
    send(connection, FrameType.HELLO, clientNonce, errors);
    byte[] serverNonce = Messages.fixed(errors.expect(connection, FrameType.CHALLENGE, Protocol.HANDSHAKE_MAX_FRAME_BYTES));
    send(connection, FrameType.AUTH, mac(cookie, CLIENT, serverNonce, clientNonce), errors);
    Messages.Welcome welcome = Messages.welcome(errors.expect(connection, FrameType.OK, Protocol.HANDSHAKE_MAX_FRAME_BYTES));
    if (!MessageDigest.isEqual(mac(cookie, SERVER, serverNonce, clientNonce), welcome.proof())) {
      throw errors.impostor();
    }
    connection.seal(FrameSeal.sessionKey(cookie, serverNonce, clientNonce), CLIENT);
    return welcome.maxFrameBytes();
  }

  /** A server that refuses (busy, timed out) may close before our write: its ERROR frame says why. */
  private static void send(Connection connection, FrameType type, byte[] payload, ClientErrors errors)
      throws IOException, ControlException {
    try {
      connection.writer.write(type, payload);
    } catch (IOException e) {
      errors.rethrowPendingError(connection);
      throw e;
    }
  }

  private static Frame expect(Connection connection, FrameType type) throws IOException, ControlException {
    Frame frame = connection.reader.read(Protocol.HANDSHAKE_MAX_FRAME_BYTES)
        .orElseThrow(() -> new ConnectionClosedException("the client closed the connection during the handshake"));
    if (frame.type() != type) {
      throw new UnexpectedFrameException("expected a " + type + " frame during the handshake, got " + frame.type());
    }
    return frame;
  }
}

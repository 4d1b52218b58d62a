package dev.molt.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The MAC on every frame of one direction after the handshake. It binds the session to the
 * handshake that proved the cookie: a relay that terminates TLS and forwards HELLO and AUTH does
 * not know the session key, so it cannot add, change, replay, reorder or drop a frame unnoticed.
 *
 * <pre>
 * session key K = HMAC-SHA256(cookie, "molt-control session" ‖ version ‖ Ns ‖ Nc)
 * frame MAC     = HMAC-SHA256(K, direction ‖ u64 sequence ‖ header ‖ payload)
 * </pre>
 *
 * The direction is {@code 'C'} for frames from the client and {@code 'S'} for frames from the
 * server; each direction counts its frames from 0. The header is the frame's 6 header bytes as
 * sent, whose length includes the 32 MAC bytes. Not thread-safe: the reader and the writer of a
 * connection each own one seal, and the writer's lock covers it.
 */
final class FrameSeal {
  static final int MAC_BYTES = 32;
  private static final byte[] KEY_LABEL = "molt-control session".getBytes(StandardCharsets.US_ASCII);
  private final Mac mac;
  private final byte direction;
  private long sequence;

  FrameSeal(byte[] sessionKey, byte direction) {
    this.mac = hmac(sessionKey);
    this.direction = direction;
  }

  static byte[] sessionKey(byte[] cookie, byte[] serverNonce, byte[] clientNonce) {
    Mac mac = hmac(cookie);
    mac.update(KEY_LABEL);
    mac.update((byte) Protocol.VERSION);
    mac.update(serverNonce);
    mac.update(clientNonce);
    return mac.doFinal();
  }

  static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java SE runtime", e);
    }
  }

  /** The MAC of the next frame of this direction; counts it. */
  byte[] sign(byte[] header, byte[] payload, int offset, int length) {
    mac.update(direction);
    long n = sequence++;
    for (int shift = 56; shift >= 0; shift -= 8) {
      mac.update((byte) (n >>> shift));
    }
    mac.update(header, 0, Protocol.HEADER_BYTES);
    mac.update(payload, offset, length);
    return mac.doFinal();
  }

  /** Checks the MAC of the next frame of this direction (constant time); counts it either way. */
  void verify(byte[] header, byte[] payload, byte[] received, FrameType type) throws FrameAuthenticationException {
    long n = sequence;
    if (!MessageDigest.isEqual(sign(header, payload, 0, payload.length), received)) {
      throw new FrameAuthenticationException("the MAC of " + type + " frame number " + n + " after the handshake "
          + "does not verify: it was changed, replayed, reordered or injected by someone without the cookie");
    }
  }
}

package dev.molt.control;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes frames from a byte stream. Every check happens before the payload is allocated, so a
 * peer can never make this side allocate more than the current limit. Not thread-safe: one reader
 * per connection, used by one thread at a time.
 */
final class FrameReader {
  private final InputStream in;
  private final byte[] header = new byte[Protocol.HEADER_BYTES];
  private Optional<FrameSeal> seal = Optional.empty();

  FrameReader(InputStream in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  /** From now on every frame must carry a valid MAC of the peer's direction. */
  void seal(FrameSeal seal) {
    this.seal = Optional.of(seal);
  }

  /**
   * Reads the next frame, or empty when the stream ends cleanly between two frames.
   *
   * @param maxPayload the largest payload accepted now (smaller before authentication)
   */
  Optional<Frame> read(int maxPayload) throws IOException, ProtocolException {
    int got = readFully(header, 0, 4);
    if (got == 0) {
      return Optional.empty();
    }
    if (got < 4) {
      throw new TruncatedFrameException("the stream ended inside a frame header (" + got + " of 4 length bytes)");
    }
    long length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
    if (length < 2) {
      throw new MalformedFrameException("frame length " + length + " is shorter than the 2-byte version and type");
    }
    if (readFully(header, 4, 1) < 1) {
      throw new TruncatedFrameException("the stream ended before the frame's version byte");
    }
    int version = header[4] & 0xFF;
    if (version != Protocol.VERSION) {
      throw new UnsupportedVersionException(version, "frame in protocol version " + version
          + ", this side speaks " + Protocol.VERSION);
    }
    long payloadLength = length - 2 - (seal.isPresent() ? FrameSeal.MAC_BYTES : 0);
    if (payloadLength < 0) {
      throw new MalformedFrameException("frame length " + length + " leaves no room for the "
          + FrameSeal.MAC_BYTES + "-byte MAC every frame carries after the handshake");
    }
    if (payloadLength > maxPayload) {
      throw new FrameTooLargeException("frame payload of " + payloadLength + " bytes exceeds the limit of "
          + maxPayload + " bytes");
    }
    if (readFully(header, 5, 1) < 1) {
      throw new TruncatedFrameException("the stream ended before the frame's type byte");
    }
    int code = header[5] & 0xFF;
    FrameType type = FrameType.ofCode(code).orElseThrow(
        () -> new MalformedFrameException("unknown frame type " + code + " in protocol version " + version));
    byte[] payload = new byte[(int) payloadLength];
    int read = readFully(payload, 0, payload.length);
    if (read < payload.length) {
      throw new TruncatedFrameException("the stream ended inside a " + type + " frame (" + read + " of "
          + payload.length + " payload bytes)");
    }
    if (seal.isPresent()) {
      byte[] mac = new byte[FrameSeal.MAC_BYTES];
      if (readFully(mac, 0, mac.length) < mac.length) {
        throw new TruncatedFrameException("the stream ended inside the MAC of a " + type + " frame");
      }
      seal.get().verify(header, payload, mac, type);
    }
    return Optional.of(new Frame(type, payload));
  }

  private int readFully(byte[] buffer, int offset, int length) throws IOException {
    int total = 0;
    while (total < length) {
      int n = in.read(buffer, offset + total, length - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }
}

package dev.molt.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Encodes frames onto a byte stream. Thread-safe: a console writes output and the server writes
 * errors from other threads, so each frame is written whole under a lock.
 */
final class FrameWriter {
  private final OutputStream out;
  private final int version;
  private Optional<FrameSeal> seal = Optional.empty();

  FrameWriter(OutputStream out) {
    this(out, Protocol.VERSION);
  }

  /** A writer for another version exists only so tests can play a peer of another release. */
  FrameWriter(OutputStream out, int version) {
    this.out = Objects.requireNonNull(out, "out");
    this.version = version;
  }

  /** From now on every frame carries a MAC of this side's direction. */
  synchronized void seal(FrameSeal seal) {
    this.seal = Optional.of(seal);
  }

  void write(Frame frame) throws IOException {
    write(frame.type(), frame.payload());
  }

  synchronized void write(FrameType type, byte[] payload) throws IOException {
    out.write(seal.isPresent() ? encodeSealed(seal.get(), version, type.code, payload)
        : encode(version, type.code, payload));
    out.flush();
  }

  /** The bytes of one frame followed by its MAC, which the seal counts; also used by tests to forge frames. */
  static byte[] encodeSealed(FrameSeal seal, int version, int typeCode, byte[] payload) {
    byte[] bytes = encode(version, typeCode, payload, FrameSeal.MAC_BYTES);
    byte[] mac = seal.sign(bytes, bytes, Protocol.HEADER_BYTES, payload.length);
    System.arraycopy(mac, 0, bytes, Protocol.HEADER_BYTES + payload.length, mac.length);
    return bytes;
  }

  /** The exact bytes of one frame; also used by tests to forge frames. */
  static byte[] encode(int version, int typeCode, byte[] payload) {
    return encode(version, typeCode, payload, 0);
  }

  /** A frame with {@code trailer} bytes of room after the payload, counted in its length. */
  private static byte[] encode(int version, int typeCode, byte[] payload, int trailer) {
    int length = payload.length + 2 + trailer;
    byte[] bytes = new byte[Protocol.HEADER_BYTES + payload.length + trailer];
    bytes[0] = (byte) (length >>> 24);
    bytes[1] = (byte) (length >>> 16);
    bytes[2] = (byte) (length >>> 8);
    bytes[3] = (byte) length;
    bytes[4] = (byte) version;
    bytes[5] = (byte) typeCode;
    System.arraycopy(payload, 0, bytes, Protocol.HEADER_BYTES, payload.length);
    return bytes;
  }
}

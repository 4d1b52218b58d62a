package dev.molt.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Encodes frames onto a byte stream. Thread-safe: a console writes output and the server writes
 * errors from other threads, so each frame is written whole under a lock.
 */
final class FrameWriter {
  private final OutputStream out;
  private final int version;

  FrameWriter(OutputStream out) {
    this(out, Protocol.VERSION);
  }

  /** A writer for another version exists only so tests can play a peer of another release. */
  FrameWriter(OutputStream out, int version) {
    this.out = Objects.requireNonNull(out, "out");
    this.version = version;
  }

  void write(Frame frame) throws IOException {
    write(frame.type(), frame.payload());
  }

  synchronized void write(FrameType type, byte[] payload) throws IOException {
    out.write(encode(version, type.code, payload));
    out.flush();
  }

  /** The exact bytes of one frame; also used by tests to forge frames. */
  static byte[] encode(int version, int typeCode, byte[] payload) {
    int length = payload.length + 2;
    byte[] bytes = new byte[Protocol.HEADER_BYTES + payload.length];
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

package dev.molt.control;

import java.util.Objects;

/** One decoded frame: its type and its raw payload (owned by the frame, never shared). */
record Frame(FrameType type, byte[] payload) {
  Frame {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
  }

  static Frame empty(FrameType type) {
    return new Frame(type, new byte[0]);
  }
}

package dev.molt.control;

import java.util.Optional;

/** The kinds of frames of the protocol; the code is the byte on the wire. */
enum FrameType {
  HELLO(1),
  CHALLENGE(2),
  AUTH(3),
  OK(4),
  REQUEST(5),
  RESPONSE(6),
  ERROR(7),
  STREAM_OPEN(8),
  STREAM_DATA(9),
  STREAM_END(10);

  private static final FrameType[] BY_CODE = new FrameType[16];

  static {
    for (FrameType type : values()) {
      BY_CODE[type.code] = type;
    }
  }

  final int code;

  FrameType(int code) {
    this.code = code;
  }

  static Optional<FrameType> ofCode(int code) {
    return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
  }
}

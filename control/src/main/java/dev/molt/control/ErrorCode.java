package dev.molt.control;

/** Why the server ends a connection with an ERROR frame; unknown codes read as {@code OTHER}. */
enum ErrorCode {
  OTHER(0),
  AUTHENTICATION_FAILED(1),
  VERSION_MISMATCH(2),
  BAD_FRAME(3),
  HANDSHAKE_TIMEOUT(4),
  BUSY(5),
  UNEXPECTED_FRAME(6),
  FRAME_AUTHENTICATION_FAILED(7);

  final int code;

  ErrorCode(int code) {
    this.code = code;
  }

  static ErrorCode ofCode(int code) {
    for (ErrorCode c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    return OTHER;
  }
}

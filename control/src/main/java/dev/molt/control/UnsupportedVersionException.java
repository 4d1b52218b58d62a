package dev.molt.control;

/** A frame carries a protocol version this side does not speak. */
public class UnsupportedVersionException extends ProtocolException {
  private static final long serialVersionUID = 1L;
  private final int version;

  public UnsupportedVersionException(int version, String message) {
    super(message);
    this.version = version;
  }

  /** The version byte found in the frame (0–255). */
  public int version() {
    return version;
  }
}

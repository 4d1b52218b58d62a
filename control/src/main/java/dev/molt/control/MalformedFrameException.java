package dev.molt.control;

/** A frame is structurally invalid: impossible length, unknown type, or a payload that does not decode. */
public class MalformedFrameException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  public MalformedFrameException(String message) {
    super(message);
  }

  public MalformedFrameException(String message, Throwable cause) {
    super(message, cause);
  }
}

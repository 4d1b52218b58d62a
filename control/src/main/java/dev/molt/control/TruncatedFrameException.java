package dev.molt.control;

/** The stream ended in the middle of a frame. */
public class TruncatedFrameException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  public TruncatedFrameException(String message) {
    super(message);
  }

  public TruncatedFrameException(String message, Throwable cause) {
    super(message, cause);
  }
}

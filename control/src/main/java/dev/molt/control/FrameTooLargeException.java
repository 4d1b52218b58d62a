package dev.molt.control;

/** A frame announced a payload larger than the configured limit; the payload was not read. */
public class FrameTooLargeException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  public FrameTooLargeException(String message) {
    super(message);
  }

  public FrameTooLargeException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.molt.control;

/** The peer did not complete the handshake in time. */
public class ControlTimeoutException extends ControlException {
  private static final long serialVersionUID = 1L;

  public ControlTimeoutException(String message) {
    super(message);
  }

  public ControlTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}

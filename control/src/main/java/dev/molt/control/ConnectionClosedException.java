package dev.molt.control;

/** The connection closed (or broke) before the expected frame arrived. */
public class ConnectionClosedException extends ControlException {
  private static final long serialVersionUID = 1L;

  public ConnectionClosedException(String message) {
    super(message);
  }

  public ConnectionClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}

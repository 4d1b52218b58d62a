package dev.molt.control;

/** A server could not start because a live node already listens on the socket path. */
public class NodeAlreadyRunningException extends ControlException {
  private static final long serialVersionUID = 1L;

  public NodeAlreadyRunningException(String message) {
    super(message);
  }

  public NodeAlreadyRunningException(String message, Throwable cause) {
    super(message, cause);
  }
}

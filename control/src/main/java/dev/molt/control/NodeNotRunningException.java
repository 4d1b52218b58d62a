package dev.molt.control;

/** No node answers at the control socket: the socket file is missing or nobody listens on it. */
public class NodeNotRunningException extends ControlException {
  private static final long serialVersionUID = 1L;

  public NodeNotRunningException(String message) {
    super(message);
  }

  public NodeNotRunningException(String message, Throwable cause) {
    super(message, cause);
  }
}

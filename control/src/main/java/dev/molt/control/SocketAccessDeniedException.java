package dev.molt.control;

/** The control socket (or its directory) exists but this process may not use it: it belongs to another user. */
public class SocketAccessDeniedException extends ControlException {
  private static final long serialVersionUID = 1L;

  public SocketAccessDeniedException(String message) {
    super(message);
  }

  public SocketAccessDeniedException(String message, Throwable cause) {
    super(message, cause);
  }
}

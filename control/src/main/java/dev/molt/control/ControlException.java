package dev.molt.control;

/**
 * The base of every failure of the control channel. Subclasses name the cause; every message says
 * what failed (socket path, protocol version, frame size) and what to do about it.
 */
public class ControlException extends Exception {
  private static final long serialVersionUID = 1L;

  public ControlException(String message) {
    super(message);
  }

  public ControlException(String message, Throwable cause) {
    super(message, cause);
  }
}

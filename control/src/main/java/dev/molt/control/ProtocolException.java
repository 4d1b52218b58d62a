package dev.molt.control;

/** The peer broke the wire protocol: a bad frame, an unexpected frame, or another protocol version. The connection is closed and nothing it sent is executed. */
public class ProtocolException extends ControlException {
  private static final long serialVersionUID = 1L;

  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}

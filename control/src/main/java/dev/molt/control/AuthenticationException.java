package dev.molt.control;

/** The cookie handshake failed: the peer does not know the cookie (or is not a Molt node). */
public class AuthenticationException extends ControlException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message) {
    super(message);
  }

  public AuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}

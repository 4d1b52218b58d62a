package dev.molt.control;

/** No usable cookie: the cookie file is missing or empty and {@code MOLT_COOKIE} is not set. */
public class CookieException extends ControlException {
  private static final long serialVersionUID = 1L;

  public CookieException(String message) {
    super(message);
  }

  public CookieException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.molt.appup.error;

/**
 * The appup compiler could not do what was asked. The message names what failed (release, app,
 * jar, class, file) and how to fix it. Subclasses name the cause.
 */
public class AppupException extends Exception {
  private static final long serialVersionUID = 1L;

  public AppupException(String message) {
    super(message);
  }

  public AppupException(String message, Throwable cause) {
    super(message, cause);
  }
}

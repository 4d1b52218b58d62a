package dev.molt.appup.error;

/**
 * A hand-written appup in {@code rel/appups/} is not valid for the releases involved: bad JSON,
 * wrong app or versions, or a class or method that does not exist in those versions.
 */
public class InvalidOverrideException extends AppupException {
  private static final long serialVersionUID = 1L;

  public InvalidOverrideException(String message) {
    super(message);
  }

  public InvalidOverrideException(String message, Throwable cause) {
    super(message, cause);
  }
}

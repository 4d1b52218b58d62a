package dev.molt.release;

/**
 * An input of the build is wrong: a jar is missing or not a zip, an app depends on an app that is
 * not in the request, apps depend on each other in a cycle, an entry class is missing.
 */
public class InvalidInputException extends ReleaseBuildException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

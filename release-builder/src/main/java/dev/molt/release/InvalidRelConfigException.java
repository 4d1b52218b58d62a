package dev.molt.release;

/** {@code rel/molt.json} (or another file of {@code rel/}) is missing, malformed or inconsistent. */
public class InvalidRelConfigException extends ReleaseBuildException {
  private static final long serialVersionUID = 1L;

  public InvalidRelConfigException(String message) {
    super(message);
  }

  public InvalidRelConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}

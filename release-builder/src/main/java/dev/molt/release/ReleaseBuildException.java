package dev.molt.release;

/**
 * A release could not be built or initialised. The message names the problem (file, field, app,
 * version) and the fix. Nothing of a failed build is left in the output directory.
 */
public class ReleaseBuildException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReleaseBuildException(String message) {
    super(message);
  }

  public ReleaseBuildException(String message, Throwable cause) {
    super(message, cause);
  }
}

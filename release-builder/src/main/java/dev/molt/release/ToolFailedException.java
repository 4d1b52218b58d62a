package dev.molt.release;

/** A JDK tool the build runs ({@code jdeps}, {@code jlink}) failed or is missing. */
public class ToolFailedException extends ReleaseBuildException {
  private static final long serialVersionUID = 1L;

  public ToolFailedException(String message) {
    super(message);
  }
}

package dev.molt.kernel.node;

/** {@code release.json} is missing, unreadable, invalid, or does not match the release asked for. */
public final class ReleaseInvalidException extends KernelException {
  private static final long serialVersionUID = 1L;

  public ReleaseInvalidException(String message, Throwable cause) {
    super(message, cause);
  }

  public ReleaseInvalidException(String message) {
    super(message);
  }
}

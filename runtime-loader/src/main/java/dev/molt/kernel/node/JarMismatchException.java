package dev.molt.kernel.node;

/** An application jar is missing or its SHA-256 differs from the one recorded in release.json. */
public final class JarMismatchException extends KernelException {
  private static final long serialVersionUID = 1L;

  public JarMismatchException(String message) {
    super(message);
  }

  public JarMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}

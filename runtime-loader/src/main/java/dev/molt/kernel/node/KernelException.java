package dev.molt.kernel.node;

/**
 * The node could not boot, or an operation on it failed. The message names what failed (file,
 * app, version, variable) and how to fix it; it is printed after {@code molt: } as it is.
 */
public class KernelException extends Exception {
  private static final long serialVersionUID = 1L;

  public KernelException(String message) {
    super(message);
  }

  public KernelException(String message, Throwable cause) {
    super(message, cause);
  }
}

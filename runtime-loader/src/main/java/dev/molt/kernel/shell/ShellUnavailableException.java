package dev.molt.kernel.shell;

import dev.molt.kernel.node.KernelException;

/**
 * The Java shell cannot run here: the runtime lacks the {@code jdk.jshell} module (typically an
 * embedded runtime linked without it), or JShell failed to start. The message says how to fix it.
 */
public class ShellUnavailableException extends KernelException {
  private static final long serialVersionUID = 1L;

  public ShellUnavailableException(String message) {
    super(message);
  }

  public ShellUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.molt.kernel.node;

import java.util.List;

/**
 * An application could not be started: its entry point is unusable, or its code threw. The apps
 * started before it have already been stopped when this is thrown.
 */
public final class AppStartException extends KernelException {
  private static final long serialVersionUID = 1L;

  private transient List<AppFailure> rollbackFailures = List.of();

  public AppStartException(String message, Throwable cause) {
    super(message, cause);
  }

  public AppStartException(String message) {
    super(message);
  }

  /** The apps started before the failing one whose stop also failed while rolling back. */
  public List<AppFailure> rollbackFailures() {
    return rollbackFailures;
  }

  void rollbackFailures(List<AppFailure> failures) {
    this.rollbackFailures = List.copyOf(failures);
  }
}

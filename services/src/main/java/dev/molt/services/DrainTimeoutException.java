package dev.molt.services;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A suspend gave up: calls were still in flight at the timeout. The gate is open again on the
 * target it had, so callers were only delayed.
 */
public final class DrainTimeoutException extends ServiceException {
  private static final long serialVersionUID = 1L;

  private final transient List<StuckCall> stuck;

  DrainTimeoutException(Class<?> contract, Duration timeout, List<StuckCall> stuck) {
    super("calls through the handle of " + contract.getName() + " did not finish within "
        + timeout.toMillis() + " ms; the handle serves its current target again. Still in a call: "
        + stuck.stream().map(StuckCall::describe).collect(Collectors.joining("\n"))
        + "\nFind what those calls wait for (a caller parked at another suspended handle, a lock,"
        + " I/O), or retry with a longer timeout.");
    this.stuck = List.copyOf(stuck);
  }

  /** The calls in flight at the timeout. */
  public List<StuckCall> stuck() {
    return stuck;
  }
}

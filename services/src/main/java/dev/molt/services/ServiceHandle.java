package dev.molt.services;

import dev.molt.services.gate.Gate;
import dev.molt.services.handle.HandleClass;
import dev.molt.services.handle.HandleClasses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A service's handle and the controls behind it: the object callers hold ({@link #handle()}),
 * which routes every call to the current target, and the means to suspend calls, drain them and
 * resume on the same or a new target.
 *
 * <p>The handle is an instance of a class generated for the contract (one per contract, defined by
 * the contract's loader in its package). Each of its methods enters the gate, calls the target and
 * exits the gate; whatever the target throws, checked or not, passes through unchanged. Calls made
 * while suspended park at the gate and go on, on the new target, once resumed; a call made by a
 * thread already inside a call through this handle passes, so that a service calling itself
 * through its handle never waits for its own drain.
 *
 * <p>Thread-safety: the handle may be called from any thread. {@link #suspend} and the two
 * {@code resume} methods are serialised and must not be called from inside a call through this
 * handle. No method accepts or returns null.
 */
public final class ServiceHandle<T> {
  private final Class<T> contract;
  private final HandleClass handleClass;
  private final Gate gate = new Gate();
  private final T handle;

  private ServiceHandle(Class<T> contract, HandleClass handleClass, T target) {
    this.contract = contract;
    this.handleClass = handleClass;
    this.handle = contract.cast(handleClass.newInstance(gate, target));
  }

  /**
   * A new handle of {@code contract}, open, routing to {@code target}.
   *
   * @throws InvalidContractException when {@code contract} is not an interface, is sealed, names a
   *     type its package cannot see, or lives in a named module that does not open its package
   */
  public static <T> ServiceHandle<T> create(Class<T> contract, T target)
      throws InvalidContractException {
    Objects.requireNonNull(target, "target");
    HandleClass handleClass;
    try {
      handleClass = HandleClasses.of(contract, ContractMethods.of(contract));
    } catch (IllegalAccessException e) {
      throw new InvalidContractException("cannot define a handle for " + contract.getName()
          + " in its package: " + e.getMessage() + ". Service contracts must be application "
          + "interfaces (an unnamed module) or in a package opened to the Molt kernel.", e);
    }
    return new ServiceHandle<>(contract, handleClass, contract.cast(target));
  }

  /** The contract this handle implements. */
  public Class<T> contract() {
    return contract;
  }

  /** The object callers hold: it implements the contract and follows every swap. */
  public T handle() {
    return handle;
  }

  /** The implementation calls go to now. */
  public T target() {
    return contract.cast(handleClass.targetOf(handle));
  }

  /** True between a successful {@link #suspend} and the next resume. */
  public boolean isSuspended() {
    return gate.isClosed();
  }

  /**
   * Closes the gate and waits until no call is in flight. On return, new calls park at the gate
   * and none is running: the target may be exported and swapped.
   *
   * @throws DrainTimeoutException when calls were still running at {@code timeout}; the gate is
   *     then open again on the current target and the exception names the threads and stacks
   * @throws IllegalStateException when already suspended, or when called from inside a call
   *     through this handle (it would wait for itself)
   */
  public synchronized void suspend(Duration timeout) throws DrainTimeoutException {
    if (gate.insideCall()) {
      throw new IllegalStateException("cannot suspend the handle of " + contract.getName()
          + " from inside a call through it: the drain would wait for this very call");
    }
    requireSuspended(false);
    gate.close();
    List<Thread> busy = gate.awaitIdle(timeout);
    if (!busy.isEmpty()) {
      List<StuckCall> stuck = new ArrayList<>();
      for (Thread thread : busy) {
        stuck.add(StuckCall.of(thread));
      }
      gate.open();
      throw new DrainTimeoutException(contract, timeout, stuck);
    }
  }

  /** Opens the gate on the target it had: the calls parked at it go on. */
  public synchronized void resume() {
    requireSuspended(true);
    gate.open();
  }

  /**
   * Swaps the target to {@code newTarget}, then opens the gate: every call parked at it, and every
   * later one, reaches {@code newTarget}.
   */
  public synchronized void resume(T newTarget) {
    requireSuspended(true);
    handleClass.swap(handle, contract.cast(Objects.requireNonNull(newTarget, "newTarget")));
    gate.open();
  }

  private void requireSuspended(boolean expected) {
    if (gate.isClosed() != expected) {
      throw new IllegalStateException("the handle of " + contract.getName() + " is "
          + (expected ? "not suspended" : "already suspended"));
    }
  }

  @Override
  public String toString() {
    return "ServiceHandle[" + contract.getName() + " -> " + target().getClass().getName() + "]";
  }
}

package dev.molt.services.handle;

import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;
import java.util.function.Supplier;

/**
 * The generated handle class of one contract, with what it takes to make an instance and to swap
 * its target.
 *
 * @param type the class, defined by the contract's loader in the contract's package
 * @param constructor {@code (Supplier<Runnable> gate, Object target)}, made accessible
 * @param target the volatile target field of an instance
 */
public record HandleClass(Class<?> type, Constructor<?> constructor, VarHandle target) {

  /** A new handle instance routing through {@code gate} to {@code initialTarget}. */
  public Object newInstance(Supplier<Runnable> gate, Object initialTarget) {
    try {
      return constructor.newInstance(gate, initialTarget);
    } catch (ReflectiveOperationException e) {
      // The constructor only stores its arguments; the caller checked the target's type.
      throw new IllegalStateException("cannot instantiate " + type.getName() + ": " + e, e);
    }
  }

  /** Points {@code handle} at {@code newTarget}; volatile, so later calls see it. */
  public void swap(Object handle, Object newTarget) {
    target.setVolatile(handle, newTarget);
  }

  /** The current target of {@code handle}. */
  public Object targetOf(Object handle) {
    return target.getVolatile(handle);
  }
}

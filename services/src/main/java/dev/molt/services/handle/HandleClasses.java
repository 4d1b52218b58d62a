package dev.molt.services.handle;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Defines one handle class per contract, on first use, into the contract's loader and package, and
 * remembers it for the contract's lifetime.
 *
 * <p>Why {@code Lookup.defineClass} and not a hidden class: {@code defineHiddenClass} needs a
 * lookup with full privilege in the contract's module, and a lookup from this module into an
 * application's (unnamed) module lacks module access. {@code privateLookupIn} grants package
 * access, which is what {@code defineClass} needs. Being an ordinary class of the app loader, the
 * handle unloads with the application; being in the contract's package, it may use the contract's
 * package-private types.
 */
public final class HandleClasses {
  static final String SUFFIX = "$$MoltHandle";

  // ClassValue: cached for the contract's lifetime without pinning its loader.
  private static final ClassValue<AtomicReference<HandleClass>> CACHE = new ClassValue<>() {
    @Override
    protected AtomicReference<HandleClass> computeValue(Class<?> contract) {
      return new AtomicReference<>();
    }
  };

  private HandleClasses() {}

  /**
   * The handle class of {@code contract}, defining it on first use.
   *
   * @param methods the contract's methods to forward (checked by the caller)
   * @throws IllegalAccessException when the contract's package is not open to this module
   */
  public static HandleClass of(Class<?> contract, List<Method> methods)
      throws IllegalAccessException {
    AtomicReference<HandleClass> holder = CACHE.get(contract);
    // Two threads defining the same class name in one loader would fail: define once.
    synchronized (holder) {
      if (holder.get() == null) {
        holder.set(define(contract, methods));
      }
      return holder.get();
    }
  }

  private static HandleClass define(Class<?> contract, List<Method> methods)
      throws IllegalAccessException {
    MethodHandles.Lookup inContract = MethodHandles.privateLookupIn(contract,
        MethodHandles.lookup());
    byte[] bytes = HandleClassWriter.write(contract, contract.getName() + SUFFIX, methods);
    Class<?> type = inContract.defineClass(bytes);
    try {
      MethodHandles.Lookup inHandle = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
      Constructor<?> constructor = type.getDeclaredConstructor(Supplier.class, Object.class);
      constructor.setAccessible(true);
      return new HandleClass(type, constructor,
          inHandle.findVarHandle(type, HandleClassWriter.TARGET_FIELD, contract));
    } catch (NoSuchMethodException | NoSuchFieldException e) {
      throw new IllegalStateException("the generated " + type.getName() + " lacks a member", e);
    }
  }
}

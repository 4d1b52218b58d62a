package dev.molt.services.app;

import dev.molt.api.ServiceContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Constructs a service implementation by the constructor convention: {@code public
 * Impl(ServiceContext)}, else {@code public Impl()}. The same path runs at boot and at {@code
 * update}.
 */
final class Implementations {
  private Implementations() {}

  static Object construct(Class<?> implementation, ServiceContext context) {
    try {
      for (Constructor<?> constructor : implementation.getConstructors()) {
        Class<?>[] parameters = constructor.getParameterTypes();
        if (parameters.length == 1 && parameters[0] == ServiceContext.class) {
          return constructor.newInstance(context);
        }
      }
      return implementation.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(implementation.getName() + " has neither a public ("
          + "ServiceContext) nor a public no-argument constructor; add one of them", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the constructor of " + implementation.getName()
          + " threw " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot construct " + implementation.getName() + ": " + e
          + "; make the class public and concrete, and its constructor public", e);
    }
  }
}

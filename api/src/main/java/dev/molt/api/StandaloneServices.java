package dev.molt.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Services} without a node: implementations are constructed directly and returned as they
 * are, so a unit test or a plain {@code main} runs the same application code without a kernel.
 */
final class StandaloneServices implements Services, ServiceContext {
  private final ApplicationContext application;
  private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
  private final Map<Class<?>, Object> resources = new ConcurrentHashMap<>();

  StandaloneServices(ApplicationContext application) {
    this.application = Objects.requireNonNull(application, "application");
  }

  @Override
  public <T> T publish(Class<T> contract, Class<? extends T> implementation) {
    if (!contract.isInterface() || !contract.isAssignableFrom(implementation)) {
      throw new IllegalArgumentException(implementation.getName() + " cannot be published as "
          + contract.getName() + ": the contract must be an interface the implementation implements");
    }
    T service = contract.cast(construct(implementation));
    if (service instanceof StatefulService) {
      try {
        ((StatefulService) service).activate();
      } catch (RuntimeException e) {
        throw new IllegalStateException(implementation.getName() + ".activate() threw " + e
            + "; the service is not published", e);
      }
    }
    if (services.putIfAbsent(contract, service) != null) {
      throw new IllegalArgumentException(contract.getName() + " is already published");
    }
    return service;
  }

  private Object construct(Class<?> implementation) {
    try {
      for (Constructor<?> constructor : implementation.getConstructors()) {
        Class<?>[] parameters = constructor.getParameterTypes();
        if (parameters.length == 1 && parameters[0] == ServiceContext.class) {
          return constructor.newInstance(this);
        }
      }
      return implementation.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(implementation.getName() + " has neither a public ("
          + "ServiceContext) nor a public no-argument constructor; add one of them", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the constructor of " + implementation.getName() + " threw "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot construct " + implementation.getName() + ": " + e
          + "; make the class public, concrete and its constructor public", e);
    }
  }

  @Override
  public <T> T handle(Class<T> contract) {
    return contract.cast(lookup(services, contract, "service"));
  }

  @Override
  public <R> void provide(Class<R> type, R resource) {
    if (!type.isInstance(resource)) {
      throw new IllegalArgumentException(resource + " is not a " + type.getName());
    }
    if (resources.putIfAbsent(type, resource) != null) {
      throw new IllegalArgumentException("a resource of type " + type.getName()
          + " is already provided");
    }
  }

  @Override
  public ApplicationContext application() {
    return application;
  }

  @Override
  public String version() {
    return application.version();
  }

  @Override
  public <R> R resource(Class<R> type) {
    return type.cast(lookup(resources, type, "resource"));
  }

  @Override
  public <T> T service(Class<T> contract) {
    return handle(contract);
  }

  private static Object lookup(Map<Class<?>, Object> registry, Class<?> key, String what) {
    Object value = registry.get(Objects.requireNonNull(key, "key"));
    if (value == null) {
      throw new IllegalArgumentException("no " + what + " of type " + key.getName()
          + " is published; publish or provide it in Application.start before it is used");
    }
    return value;
  }
}

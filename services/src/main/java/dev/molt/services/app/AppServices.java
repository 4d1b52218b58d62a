package dev.molt.services.app;

import dev.molt.api.ApplicationContext;
import dev.molt.api.Services;
import dev.molt.api.StatefulService;
import dev.molt.services.InvalidContractException;
import dev.molt.services.ServiceHandle;
import dev.molt.services.unit.ClassView;
import dev.molt.services.update.PlainData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@link Services} of one application inside a node: every published implementation sits
 * behind a {@link ServiceHandle}, and callers (this app, the apps depending on it, {@code rpc} and
 * {@code eval}) only ever get the handle. The kernel makes one per application start and {@link
 * #retire}s it after the application stopped.
 *
 * <p>Thread-safe. {@code publish} is serialised, so that two publishes of one contract cannot
 * both construct.
 */
public final class AppServices implements Services {
  private final List<AppServices> dependencies;
  private final Map<Class<?>, ServiceHandle<?>> published = new ConcurrentHashMap<>();
  private final List<ServiceHandle<?>> publishOrder = Collections.synchronizedList(new ArrayList<>());
  private final Map<Class<?>, Object> resources = new ConcurrentHashMap<>();
  private final Map<Class<?>, Units.Published> units = new ConcurrentHashMap<>();
  private final ContextWithServices context;
  private volatile ClassView classes;
  private volatile CarriedState.Import carried;

  /**
   * Services whose class view is made at the first publish, from the implementation's loader.
   *
   * @param base the app's context without services
   * @param dependencies the services of the apps it depends on, which started before it
   */
  public AppServices(ApplicationContext base, List<AppServices> dependencies) {
    this(base, dependencies, null);
  }

  /**
   * @param base the app's context without services
   * @param dependencies the services of the apps it depends on, which started before it
   * @param appLoader the application's class loader (its implementations' units load above it)
   */
  public AppServices(ApplicationContext base, List<AppServices> dependencies,
      ClassLoader appLoader) {
    this.dependencies = List.copyOf(dependencies);
    this.context = new ContextWithServices(base, this);
    this.classes = appLoader == null ? null : new ClassView(appLoader);
  }

  /**
   * Which loader holds each class of the app: the live unit loaders for the units' packages, the
   * application's loader for the rest. Empty until the first publish when the kernel gave no
   * application loader.
   */
  public Optional<ClassView> classes() {
    return Optional.ofNullable(classes);
  }

  /** The context to hand the application's {@code start}: {@code services()} is this. */
  public ApplicationContext context() {
    return context;
  }

  @Override
  public synchronized <T> T publish(Class<T> contract, Class<? extends T> implementation) {
    if (!contract.isInterface() || !contract.isAssignableFrom(implementation)) {
      throw new IllegalArgumentException(implementation.getName() + " cannot be published as "
          + contract.getName() + ": the contract must be an interface the implementation implements");
    }
    if (published.containsKey(contract)) {
      throw new IllegalArgumentException(contract.getName() + " is already published by "
          + context.name() + "; publish each contract once");
    }
    Units.Loaded unit = Units.load(contract, implementation, classView(implementation),
        context.version());
    T target = construct(contract, unit.implementation(), context.version());
    ServiceHandle<T> handle;
    try {
      handle = ServiceHandle.create(contract, target);
    } catch (InvalidContractException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (target instanceof StatefulService) {
      importCarried(contract, (StatefulService) target);
      try {
        ((StatefulService) target).activate();
      } catch (RuntimeException e) {
        throw new IllegalStateException(implementation.getName() + ".activate() threw " + e
            + "; the service is not published", e);
      }
    }
    published.put(contract, handle);
    units.put(contract, unit.published().withHandle(handle));
    publishOrder.add(handle);
    return handle.handle();
  }

  /**
   * Before the application's start: the state its services exported at the stop of a {@code
   * restart_application}, imported by {@link #publish} into each stateful implementation it
   * constructs, before its {@code activate()} and before the handle is returned.
   */
  public void carryIn(CarriedState.Import states) {
    this.carried = states;
  }

  private void importCarried(Class<?> contract, StatefulService target) {
    CarriedState.Import states = carried;
    if (states == null) {
      return;
    }
    String name = target.getClass().getName();
    Map<String, Object> state;
    try {
      Optional<Map<String, Object>> found = states.stateFor(contract.getName(), target);
      if (found.isEmpty()) {
        return;
      }
      state = PlainData.copy(found.get(), "the state carried to " + name);
    } catch (Exception e) {
      throw new IllegalStateException("the state of " + contract.getName() + " could not be"
          + " carried to " + name + ": " + e.getMessage() + "; the service is not published", e);
    }
    try {
      target.importState(state);
    } catch (RuntimeException e) {
      throw new IllegalStateException(name + ".importState threw " + e + " with the state"
          + " carried over the restart; the service is not published", e);
    }
  }

  /**
   * Constructs an implementation the way {@link #publish} does, with a {@link
   * dev.molt.api.ServiceContext} saying {@code version}, without activating or publishing it: the
   * new version of an {@code update}, built outside the pause.
   *
   * @throws IllegalArgumentException when {@code implementation} does not implement {@code
   *     contract} or follows neither constructor convention
   * @throws IllegalStateException when the constructor throws (as cause)
   */
  public <T> T construct(Class<T> contract, Class<?> implementation, String version) {
    if (!contract.isAssignableFrom(implementation)) {
      throw new IllegalArgumentException(implementation.getName() + " does not implement "
          + contract.getName());
    }
    return contract.cast(Implementations.construct(implementation,
        new ImplementationContext(context, Objects.requireNonNull(version, "version"), this)));
  }

  @Override
  public <T> T handle(Class<T> contract) {
    return find(contract).map(ServiceHandle::handle).orElseThrow(() ->
        new IllegalArgumentException("no service " + contract.getName() + " is published by "
            + context.name() + " or the applications it depends on; publish it in "
            + "Application.start, or declare a dependency on the application that does"));
  }

  /** The handle published under {@code contract} here or by a dependency, with its controls. */
  public <T> Optional<ServiceHandle<T>> find(Class<T> contract) {
    ServiceHandle<?> own = published.get(Objects.requireNonNull(contract, "contract"));
    if (own != null) {
      @SuppressWarnings("unchecked") // published under contract by publish()
      ServiceHandle<T> typed = (ServiceHandle<T>) own;
      return Optional.of(typed);
    }
    return dependencies.stream().map(d -> d.find(contract)).flatMap(Optional::stream).findFirst();
  }

  /**
   * The service of this app whose live implementation is the class named {@code implementation}:
   * its handle, its unit (empty when it loaded in the application's loader), and why not when
   * it has none.
   */
  public Optional<Units.Published> publishedAs(String implementation) {
    for (Units.Published p : units.values()) {
      if (p.handle().target().getClass().getName().equals(implementation)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private synchronized ClassView classView(Class<?> implementation) {
    if (classes == null) {
      classes = new ClassView(implementation.getClassLoader() != null
          ? implementation.getClassLoader() : ClassLoader.getSystemClassLoader());
    }
    return classes;
  }

  /** This app's own handles, in the order published. */
  public List<ServiceHandle<?>> published() {
    synchronized (publishOrder) {
      return List.copyOf(publishOrder);
    }
  }

  @Override
  public <R> void provide(Class<R> type, R resource) {
    if (!type.isInstance(resource)) {
      throw new IllegalArgumentException(resource + " is not a " + type.getName());
    }
    if (resources.putIfAbsent(type, resource) != null) {
      throw new IllegalArgumentException("a resource of type " + type.getName()
          + " is already provided by " + context.name());
    }
  }

  /** The resource provided under {@code type}. */
  <R> R resource(Class<R> type) {
    Object resource = resources.get(Objects.requireNonNull(type, "type"));
    if (resource == null) {
      throw new IllegalArgumentException("no resource of type " + type.getName() + " is provided "
          + "by " + context.name() + "; call services().provide in Application.start before "
          + "publishing the services that use it");
    }
    return type.cast(resource);
  }

  /**
   * After the application stopped: {@code deactivate} then {@code dispose} every stateful target,
   * in reverse publish order. Every target is retired even if one throws.
   *
   * @return what the callbacks threw; empty when all retired cleanly
   */
  public List<RuntimeException> retire() {
    return retire(null);
  }

  /**
   * As {@link #retire()}, and between {@code deactivate} and {@code dispose} each stateful
   * target's {@code exportState()}, copied as plain data, goes to {@code exported} (when not
   * null): what a {@code restart_application} carries to the next start. A target whose export
   * throws or is not plain data is still disposed; the failure is returned.
   */
  public List<RuntimeException> retire(Consumer<CarriedState> exported) {
    List<ServiceHandle<?>> handles = new ArrayList<>(published());
    Collections.reverse(handles);
    List<RuntimeException> failures = new ArrayList<>();
    for (ServiceHandle<?> handle : handles) {
      if (handle.target() instanceof StatefulService) {
        StatefulService service = (StatefulService) handle.target();
        try {
          service.deactivate();
          if (exported != null) {
            export(handle, service, exported);
          }
          service.dispose();
        } catch (RuntimeException e) { // service code: report and retire the others
          failures.add(e);
        }
      }
    }
    return failures;
  }

  private void export(ServiceHandle<?> handle, StatefulService service,
      Consumer<CarriedState> exported) {
    String name = service.getClass().getName();
    Map<String, Object> state;
    try {
      state = PlainData.copy(service.exportState(), "the state exported by " + name);
    } catch (PlainData.NotPlainDataException e) {
      service.dispose();
      throw new IllegalStateException(e.getMessage(), e);
    } catch (RuntimeException e) {
      service.dispose();
      throw new IllegalStateException(name + ".exportState() threw " + e, e);
    }
    exported.accept(new CarriedState(handle.contract().getName(), name,
        service.getClass().getClassLoader(), context.version(), state));
  }
}

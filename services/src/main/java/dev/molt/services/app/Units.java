package dev.molt.services.app;

import dev.molt.services.ServiceHandle;
import dev.molt.services.unit.ClassView;
import dev.molt.services.unit.UnitLoader;
import java.lang.reflect.Method;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a published implementation is loaded: in its <b>unit</b> (its package, in a {@link
 * UnitLoader} above the application's loader) when the package can be one, else in the
 * application's loader, with the reason (then the service cannot be {@code update}d, only
 * restarted with its application).
 */
public final class Units {
  private Units() {}

  /**
   * A published service: its contract, its unit (the implementation's package) or why it has
   * none, and its handle (whose target is the live implementation). It names no implementation
   * class: that would keep a replaced unit's loader from the collector.
   */
  public record Published(Class<?> contract, Optional<String> unit, String noUnitReason,
      ServiceHandle<?> handle) {
    Published withHandle(ServiceHandle<?> h) {
      return new Published(contract, unit, noUnitReason, h);
    }
  }

  /** What {@link #load} found: where the implementation loaded, and the class to construct. */
  record Loaded(Published published, Class<?> implementation) {}

  /**
   * Loads {@code implementation}'s package as a unit, reusing the live unit loader of that package
   * when another service of the app is already published from it.
   */
  static <T> Loaded load(Class<T> contract, Class<? extends T> implementation, ClassView view,
      String version) {
    String unit = implementation.getPackageName();
    Optional<String> reason = noUnit(contract, implementation, view, unit);
    if (reason.isPresent()) {
      return new Loaded(new Published(contract, Optional.empty(), reason.get(), null),
          implementation);
    }
    UnitLoader loader = view.unit(unit).orElse(null);
    if (loader == null) {
      URL location = implementation.getProtectionDomain().getCodeSource().getLocation();
      loader = new UnitLoader(unit, version, List.of(location), view.appLoader());
      view.swap(loader);
    }
    Class<?> live;
    try {
      live = Class.forName(implementation.getName(), false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("cannot load " + implementation.getName() + " in its"
          + " unit " + unit + ": " + e, e);
    }
    if (!contract.isAssignableFrom(live)) {
      throw new IllegalArgumentException(implementation.getName() + " loaded in its unit " + unit
          + " does not implement " + contract.getName() + " of the application's loader: a"
          + " supertype it needs is in the unit's package; keep the unit's package to the"
          + " implementation and its helpers");
    }
    return new Loaded(new Published(contract, Optional.of(unit), "", null), live);
  }

  private static Optional<String> noUnit(Class<?> contract, Class<?> implementation,
      ClassView view, String unit) {
    if (unit.isEmpty()) {
      return Optional.of(implementation.getName() + " is in the unnamed package");
    }
    if (implementation.getClassLoader() != view.appLoader()) {
      return Optional.of(implementation.getName() + " is not loaded by the application's own"
          + " loader (" + implementation.getClassLoader() + ")");
    }
    if (contract.getPackageName().equals(unit)) {
      return Optional.of("its contract " + contract.getName() + " is in the implementation's"
          + " package " + unit + "; move the implementation to a package of its own");
    }
    CodeSource source = implementation.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.of(implementation.getName() + " has no code source to load it from");
    }
    List<String> crossing = new ArrayList<>();
    for (Method m : contract.getMethods()) {
      List<Class<?>> types = new ArrayList<>(List.of(m.getParameterTypes()));
      types.add(m.getReturnType());
      types.addAll(List.of(m.getExceptionTypes()));
      for (Class<?> t : types) {
        while (t.isArray()) {
          t = t.getComponentType();
        }
        if (!t.isPrimitive() && t.getPackageName().equals(unit)) {
          crossing.add(t.getName());
        }
      }
    }
    if (!crossing.isEmpty()) {
      return Optional.of("the contract " + contract.getName() + " uses types of the"
          + " implementation's package " + unit + " " + crossing + "; move them out of it");
    }
    return Optional.empty();
  }
}

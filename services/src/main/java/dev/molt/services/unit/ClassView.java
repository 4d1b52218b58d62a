package dev.molt.services.unit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which loader holds each class of one application: a class of a live unit's package is its unit
 * loader's, every other class the application loader's. The one place {@code rpc}, {@code eval},
 * {@code redefine} and {@code define} ask, so that after an {@code update} they act on the live
 * classes, not on the copies the application loader would load from the boot version's jar.
 *
 * <p>{@link #loader()} is that view as a {@link ClassLoader}, for code that resolves classes by
 * name (the Java shell, {@code Class.forName}). Thread-safe.
 */
public final class ClassView {
  private final ClassLoader appLoader;
  private final Map<String, UnitLoader> units = new ConcurrentHashMap<>();

  public ClassView(ClassLoader appLoader) {
    this.appLoader = Objects.requireNonNull(appLoader, "appLoader");
  }

  /** The application's loader. */
  public ClassLoader appLoader() {
    return appLoader;
  }

  /** The live unit loader of {@code unit}, when it is one. */
  public Optional<UnitLoader> unit(String unit) {
    return Optional.ofNullable(units.get(unit));
  }

  /** The live unit loaders. */
  public List<UnitLoader> units() {
    return List.copyOf(units.values());
  }

  /** The loader that holds (or would load) {@code className}. */
  public ClassLoader loaderOf(String className) {
    UnitLoader unit = units.get(packageOf(className));
    return unit != null ? unit : appLoader;
  }

  /** Loads {@code className} from the loader holding it, without initializing it. */
  public Class<?> load(String className) throws ClassNotFoundException {
    return Class.forName(className, false, loaderOf(className));
  }

  /**
   * This view as a loader, for one use (an {@code rpc}, an {@code eval}): delegates each class to
   * {@link #loaderOf}. A new one each time, because the JVM remembers every class a loader
   * returned (it becomes an initiating loader of it): a long-lived view loader would keep
   * answering with, and keeping alive, a unit's class that an update has since replaced.
   */
  public ClassLoader loader() {
    return new ViewLoader(this);
  }

  /**
   * Makes {@code next} the live loader of its unit.
   *
   * @return the loader it replaced, if any
   */
  public Optional<UnitLoader> swap(UnitLoader next) {
    return Optional.ofNullable(units.put(next.unit(), next));
  }

  /** Makes {@code previous} the live loader of its unit again (an undo). */
  public void restore(UnitLoader previous) {
    units.put(previous.unit(), previous);
  }

  static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }

  /** The view as a class loader; defines nothing itself. */
  private static final class ViewLoader extends ClassLoader {
    static {
      ClassLoader.registerAsParallelCapable();
    }

    private final ClassView view;

    ViewLoader(ClassView view) {
      // the application loader's parent, as the application loader has: code that walks up to
      // the shared JDK-and-API loader finds it here too
      super("view of " + view.appLoader.getName(), view.appLoader.getParent());
      this.view = view;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      return view.loaderOf(name).loadClass(name);
    }

    @Override
    public java.net.URL getResource(String name) {
      int slash = name.lastIndexOf('/');
      UnitLoader unit = slash < 0 ? null : view.units.get(name.substring(0, slash).replace('/', '.'));
      return (unit != null ? unit : view.appLoader).getResource(name);
    }

    @Override
    public java.util.Enumeration<java.net.URL> getResources(String name)
        throws java.io.IOException {
      return view.appLoader.getResources(name);
    }
  }
}

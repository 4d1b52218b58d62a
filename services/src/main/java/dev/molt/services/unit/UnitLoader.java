package dev.molt.services.unit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The loader of one <b>unit</b>: the package of a service implementation, loaded on its own so
 * that an {@code update} can load it anew. It defines the classes of exactly that package (not its
 * subpackages) from its jars, and delegates every other class to its parent, the application's
 * loader. A node booted at a version and one upgraded to it then have the same layout: the app
 * loader below, one unit loader per published unit above it.
 *
 * <p>The JVM's rules this follows: a package defined by two loaders is two runtime packages, so
 * the unit's classes must all come from this loader (they do), and nothing outside the unit may
 * rely on package-private access to them, nor they to another loader's classes of the same name.
 *
 * <p>Resources under the unit's directory are read from its jars first. Parallel capable;
 * closing it closes its jars, loaded classes stay usable.
 */
public final class UnitLoader extends URLClassLoader {
  static {
    ClassLoader.registerAsParallelCapable();
  }

  private final String unit;
  private final String unitDir;
  private final String version;

  /**
   * @param unit the package, e.g. {@code dev.molt.fixtures.book.service}
   * @param version the version of the jars it reads (for messages and {@code describe})
   * @param locations the jars (or class directories) holding the unit's classes, in order
   * @param parent the application's loader
   */
  public UnitLoader(String unit, String version, List<URL> locations, ClassLoader parent) {
    super("unit " + unit + " " + version, locations.toArray(new URL[0]), parent);
    if (unit.isEmpty()) {
      throw new IllegalArgumentException("the unnamed package cannot be a unit");
    }
    this.unit = unit;
    this.unitDir = unit.replace('.', '/') + '/';
    this.version = version;
  }

  /** Over jar files. */
  public static UnitLoader overJars(String unit, String version, List<Path> jars,
      ClassLoader parent) {
    return new UnitLoader(unit, version, jars.stream().map(UnitLoader::url).toList(), parent);
  }

  /** The unit's package. */
  public String unit() {
    return unit;
  }

  /** The version of the code this loader reads. */
  public String version() {
    return version;
  }

  /** Whether {@code className} belongs to the unit (its package, not a subpackage). */
  public boolean holds(String className) {
    int dot = className.lastIndexOf('.');
    return dot > 0 && className.substring(0, dot).equals(unit);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!holds(name)) {
      return getParent().loadClass(name);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        try {
          loaded = findClass(name);
        } catch (ClassNotFoundException e) {
          throw new ClassNotFoundException(name + " (not in unit " + unit + " " + version
              + ", read from " + List.of(getURLs()) + ")", e);
        }
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  /**
   * Defines a class of the unit that its jars lack, from bytes (an upgrade's {@code define} of a
   * class added to a live unit).
   *
   * @throws IllegalArgumentException when the class is not of this unit
   * @throws LinkageError when it is already defined here, or its bytes are invalid
   */
  public Class<?> defineUpgradeClass(String name, byte[] bytes) {
    if (!holds(name)) {
      throw new IllegalArgumentException(name + " is not a class of unit " + unit);
    }
    synchronized (getClassLoadingLock(name)) {
      return defineClass(name, bytes, 0, bytes.length);
    }
  }

  /** Whether this loader defined a class of that name. */
  public boolean hasDefined(String name) {
    Class<?> loaded = findLoadedClass(name);
    return loaded != null && loaded.getClassLoader() == this;
  }

  @Override
  public URL getResource(String name) {
    if (name.startsWith(unitDir)) {
      URL own = findResource(name);
      if (own != null) {
        return own;
      }
    }
    return super.getResource(name);
  }

  @Override
  public String toString() {
    return "UnitLoader[" + unit + " " + version + "]";
  }

  private static URL url(Path jar) {
    try {
      return jar.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new UncheckedIOException("not a file path: " + jar, e);
    }
  }
}

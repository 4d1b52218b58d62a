package dev.molt.kernel.loader;

import dev.molt.api.Application;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;

/**
 * The common parent of all application loaders. It shows applications exactly two things: the
 * packages of the Java runtime (routed by module to the loader that defines them) and the
 * {@code dev.molt.api} packages (routed to the kernel's loader, so that every app and the kernel
 * share one {@code Application} class). Every other class and resource, in particular the kernel
 * itself and its dependencies such as Jackson, is not found.
 *
 * <p>Its own parent is the platform loader. Class and resource lookups never use that parent
 * (they are routed explicitly), but {@link java.util.ServiceLoader} walks the parent chain to find
 * providers in JDK modules, and the platform loader leads it to the platform and bootstrap modules
 * without exposing the class path.
 *
 * <p>Thread-safe; immutable after construction.
 */
public final class JdkAndApiLoader extends ClassLoader {
  static {
    ClassLoader.registerAsParallelCapable();
  }

  private static final String API_PACKAGE = "dev.molt.api";

  private final Map<String, ClassLoader> jdkPackages;
  private final ClassLoader apiLoader;

  private JdkAndApiLoader(Map<String, ClassLoader> jdkPackages, ClassLoader apiLoader) {
    super("molt-jdk-and-api", ClassLoader.getPlatformClassLoader());
    this.jdkPackages = jdkPackages;
    this.apiLoader = apiLoader;
  }

  /** A parent for the apps of one node, exposing the JDK modules of the boot layer and the API. */
  public static JdkAndApiLoader create() {
    return new JdkAndApiLoader(JdkPackages.ofBootLayer(), Application.class.getClassLoader());
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    Optional<ClassLoader> target = route(packageOfClass(name));
    if (target.isEmpty()) {
      throw new ClassNotFoundException(name);
    }
    return target.get().loadClass(name);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    throw new ClassNotFoundException(name);
  }

  @Override
  public URL getResource(String name) {
    return route(packageOfResource(name)).map(loader -> loader.getResource(name)).orElse(null);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    Optional<ClassLoader> target = route(packageOfResource(name));
    return target.isPresent() ? target.get().getResources(name) : Collections.emptyEnumeration();
  }

  /** True when this loader shows the class's package (a JDK package or the API). */
  boolean shows(String className) {
    return route(packageOfClass(className)).isPresent();
  }

  private Optional<ClassLoader> route(String pkg) {
    if (pkg.equals(API_PACKAGE) || pkg.startsWith(API_PACKAGE + ".")) {
      return Optional.of(apiLoader);
    }
    return Optional.ofNullable(jdkPackages.get(pkg));
  }

  static String packageOfClass(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }

  /** The package a resource path lives in: {@code java/lang/Object.class} is in java.lang. */
  static String packageOfResource(String resource) {
    int slash = resource.lastIndexOf('/');
    return slash < 0 ? "" : resource.substring(0, slash).replace('/', '.');
  }
}

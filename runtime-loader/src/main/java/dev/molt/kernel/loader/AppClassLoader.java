package dev.molt.kernel.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class loader of one application: its own jars followed by the jars of its libraries, in
 * class path order, so that inside the application everything behaves as under
 * {@code java -cp <those jars>} (services, resources, split packages, {@code Class.forName}).
 * Lookup order for classes: the parent (JDK and {@code dev.molt.api} only, see
 * {@link JdkAndApiLoader}), then the jars in order, then the loaders of the applications it
 * depends on, transitively, in breadth-first order: the first loader whose own jars hold the class
 * wins. Resources follow the same order; {@link #getResources} lists them all.
 *
 * <p>Why a {@link URLClassLoader} subclass rather than a loader reading {@code JarFile}s itself:
 * URLClassLoader already does, and has done for years, everything a jar loader needs besides the
 * lookup order: multi-release jars (it opens jars at the runtime version, which H2 and Jackson
 * rely on), {@link Package} definitions from the manifest including sealing, one
 * {@code CodeSource} per jar URL, signed jars, and resource URLs that can be opened. This class
 * only adds what is different: the isolating parent and the dependency index.
 *
 * <p>The index maps each package to the loaders (this one first, then dependencies breadth-first)
 * whose own jars hold classes of that package; it is computed once from the jars' central
 * directories at construction, so a miss costs a hash lookup instead of one failed search per jar.
 *
 * <p>Thread-safe (parallel capable). Closing it closes its jars; loaded classes stay usable.
 */
public final class AppClassLoader extends URLClassLoader {
  static {
    ClassLoader.registerAsParallelCapable();
  }

  private final List<Path> jars;
  private final List<AppClassLoader> dependencies;
  private final List<AppClassLoader> reachable;
  private final Set<String> ownPackages;
  private final Map<String, List<AppClassLoader>> index;
  private final JdkAndApiLoader shared;

  /**
   * Creates the loader of one application.
   *
   * @param name the loader's name, e.g. {@code book_app-0.1.0}; shown in stack traces
   * @param jars the app's jars then its libraries' jars, in class path order
   * @param dependencies the loaders of the applications it depends on, in declared order
   * @param parent the shared parent, normally a {@link JdkAndApiLoader}
   * @throws IOException naming the jar when one cannot be read as a zip file
   */
  public AppClassLoader(
      String name, List<Path> jars, List<AppClassLoader> dependencies, ClassLoader parent)
      throws IOException {
    super(name, urls(jars), parent);
    this.jars = List.copyOf(jars);
    this.dependencies = List.copyOf(dependencies);
    this.reachable = breadthFirst(this.dependencies);
    this.ownPackages = readPackages(this.jars);
    this.index = buildIndex();
    this.shared = parent instanceof JdkAndApiLoader p ? p : null;
  }

  /** The jars it reads, in class path order: the app's own, then its libraries'. */
  public List<Path> jars() {
    return jars;
  }

  /** The loaders of the direct dependencies, in declared order. */
  public List<AppClassLoader> dependencies() {
    return dependencies;
  }

  /**
   * Parent first, as always, except that the shared parent is not asked for a class whose package
   * it does not show: it would answer with a ClassNotFoundException, and one exception (stack
   * trace included) per application class was a measurable part of boot (about 600 for H2).
   */
  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (shared == null || shared.shows(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = findClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    List<AppClassLoader> candidates =
        index.getOrDefault(JdkAndApiLoader.packageOfClass(name), List.of());
    for (AppClassLoader candidate : candidates) {
      Class<?> found = candidate == this ? ownClassOrNull(name) : candidate.definedOrNull(name);
      if (found != null) {
        return found;
      }
    }
    throw new ClassNotFoundException(name + " (in class loader " + getName()
        + JdkModules.missingModuleHint(name).map(hint -> "; " + hint).orElse("") + ")");
  }

  @Override
  public URL getResource(String name) {
    URL url = super.getResource(name);
    for (int i = 0; url == null && i < reachable.size(); i++) {
      url = reachable.get(i).findResource(name);
    }
    return url;
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    List<URL> urls = Collections.list(super.getResources(name));
    for (AppClassLoader dep : reachable) {
      urls.addAll(Collections.list(dep.findResources(name)));
    }
    return Collections.enumeration(urls);
  }

  /**
   * Defines a class that none of this loader's jars holds, from bytes: a live upgrade's
   * {@code define} step adds the new classes of the next release this way, before the redefined
   * classes that use them run. The class belongs to this loader as if read from its jars.
   *
   * @throws LinkageError when the class is already defined here, or its bytes are invalid
   */
  public Class<?> defineUpgradeClass(String name, byte[] bytes) {
    synchronized (getClassLoadingLock(name)) {
      return defineClass(name, bytes, 0, bytes.length);
    }
  }

  /** Whether this loader defined (not merely resolved) a class of that name. */
  public boolean hasDefined(String name) {
    Class<?> loaded = findLoadedClass(name);
    return loaded != null && loaded.getClassLoader() == this;
  }

  @Override
  public String toString() {
    return "AppClassLoader[" + getName() + "]";
  }

  /** Finds a class in this loader's own jars; the caller holds the class loading lock. */
  private Class<?> ownClassOrNull(String name) {
    try {
      return super.findClass(name);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /**
   * A class of this loader's own jars, asked for by a dependent loader: reuses the class when
   * already defined here, and takes this loader's lock for the name so it is defined only once.
   * A class this loader merely resolved from elsewhere is not its own, so it does not count.
   */
  private Class<?> definedOrNull(String name) {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded != null) {
        return loaded.getClassLoader() == this ? loaded : null;
      }
      return ownClassOrNull(name);
    }
  }

  private Map<String, List<AppClassLoader>> buildIndex() {
    Map<String, List<AppClassLoader>> byPackage = new HashMap<>();
    List<AppClassLoader> order = new ArrayList<>();
    order.add(this);
    order.addAll(reachable);
    for (AppClassLoader loader : order) {
      for (String pkg : loader.ownPackages) {
        byPackage.computeIfAbsent(pkg, p -> new ArrayList<>(1)).add(loader);
      }
    }
    byPackage.replaceAll((pkg, loaders) -> List.copyOf(loaders));
    return byPackage;
  }

  private static List<AppClassLoader> breadthFirst(List<AppClassLoader> direct) {
    Set<AppClassLoader> seen = new LinkedHashSet<>();
    Deque<AppClassLoader> queue = new ArrayDeque<>(direct);
    while (!queue.isEmpty()) {
      AppClassLoader next = queue.removeFirst();
      if (seen.add(next)) {
        queue.addAll(next.dependencies);
      }
    }
    return List.copyOf(seen);
  }

  private static Set<String> readPackages(List<Path> jars) throws IOException {
    return Set.copyOf(JarPackages.of(jars));
  }

  private static URL[] urls(List<Path> jars) {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toAbsolutePath().toUri().toURL();
      } catch (MalformedURLException e) {
        throw new UncheckedIOException("not a file path: " + jars.get(i), e);
      }
    }
    return urls;
  }
}

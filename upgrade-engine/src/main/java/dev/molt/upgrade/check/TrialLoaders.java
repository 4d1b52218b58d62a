package dev.molt.upgrade.check;

import dev.molt.format.AppSpec;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.kernel.loader.JdkAndApiLoader;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Throwaway loaders over the new release's jars, one per application that holds an app's
 * classes, in which the check loads every class a step names (no static initializer runs), so a
 * class that cannot be read or whose supertypes are missing is found before anything changes.
 * Closed, and left to the collector, after the check.
 */
final class TrialLoaders implements AutoCloseable {
  private final Path root;
  private final ReleaseDescriptor next;
  private final Problems problems;
  private final Map<String, URLClassLoader> loaders = new HashMap<>();
  private final JdkAndApiLoader parent = JdkAndApiLoader.create();

  TrialLoaders(Path root, ReleaseDescriptor next, Problems problems) {
    this.root = root;
    this.next = next;
    this.problems = problems;
  }

  /** Loads every class of {@code classes} in the new release's loaders holding {@code app}. */
  void loadAll(String app, List<String> classes) {
    for (URLClassLoader loader : holding(app)) {
      for (String name : classes) {
        try {
          Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          problems.add("class " + name + " of " + app + " " + next.version()
              + " does not load: " + e + "; rebuild the release");
        }
      }
    }
  }

  /**
   * Loads each class in the new release's loaders and compares its schema with the class of the
   * same name in {@code live} (loaded there, not initialized, if it was not yet).
   */
  void requireSameSchemas(String app, List<String> classes, List<? extends ClassLoader> live) {
    for (URLClassLoader loader : holding(app)) {
      for (String name : classes) {
        for (ClassLoader running : live) {
          try {
            Schemas.difference(Class.forName(name, false, running),
                Class.forName(name, false, loader)).ifPresent(d -> problems.add("redefine " + app
                + ": " + name + " changes more than method bodies (" + d + "); the appup needs"
                + " update or restart_application for it, regenerate it"));
          } catch (ClassNotFoundException | LinkageError e) {
            problems.add("class " + name + " of " + app + " does not load: " + e
                + "; rebuild the release");
          }
        }
      }
    }
  }

  /** Checks that {@code className} has a static no-argument {@code method}. */
  void requireStaticMethod(String app, String className, String method) {
    for (URLClassLoader loader : holding(app)) {
      try {
        Method m = Class.forName(className, false, loader).getDeclaredMethod(method);
        if (!Modifier.isStatic(m.getModifiers())) {
          problems.add("apply " + app + ": " + className + "." + method + "() is not static");
        }
      } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
        problems.add("apply " + app + ": " + className + "." + method + "() is not in release "
            + next.version() + " (" + e + "); fix the appup");
      }
    }
  }

  /** The throwaway loader of application {@code app} over the new release's class path. */
  ClassLoader loaderOf(String app) {
    return holding(app).get(0);
  }

  private List<URLClassLoader> holding(String app) {
    List<URLClassLoader> found = new ArrayList<>();
    for (AppSpec holder : ReleaseJars.applicationsHolding(next, app)) {
      found.add(loaders.computeIfAbsent(holder.name(), h -> create(holder)));
    }
    return found;
  }

  private URLClassLoader create(AppSpec app) {
    List<Path> jars = ReleaseJars.classPath(root, next, app);
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException("not a file path: " + jars.get(i), e);
      }
    }
    return new URLClassLoader("check-" + app.name() + "-" + app.version(), urls, parent);
  }

  @Override
  public void close() {
    for (URLClassLoader loader : loaders.values()) {
      try {
        loader.close();
      } catch (IOException e) {
        // a jar left open until the loader is collected; nothing else depends on it
      }
    }
  }
}

package dev.molt.kernel.control;

import dev.molt.api.Application;
import dev.molt.format.AppSpec;
import dev.molt.format.JarRef;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.node.NodeApp;
import dev.molt.kernel.shell.JavaShell;
import dev.molt.kernel.shell.ShellUnavailableException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java shells over a node: snippets compile against every app's jars and the API jar, and load
 * through a loader that sees every app's classes (the live ones). Thread-safe; one shell per
 * call or console.
 */
public final class ReleaseShells {
  private ReleaseShells() {}

  /** A shell whose parent searches {@code loaders} in order (app name to loader). */
  public static JavaShell open(Node node, Map<String, ClassLoader> loaders)
      throws ShellUnavailableException {
    return JavaShell.create(node.descriptor().name(), new AppsClassLoader(
        node.descriptor().name(), loaders), classPath(node));
  }

  /** A shell over every app, the last app of the release searched first. */
  public static JavaShell open(Node node) throws ShellUnavailableException {
    Map<String, ClassLoader> loaders = new LinkedHashMap<>();
    List<NodeApp> apps = node.apps();
    for (int i = apps.size() - 1; i >= 0; i--) {
      loaders.put(apps.get(i).name(), apps.get(i).loader());
    }
    return open(node, loaders);
  }

  private static List<Path> classPath(Node node) {
    List<Path> jars = new ArrayList<>();
    for (AppSpec app : node.descriptor().apps()) {
      for (JarRef jar : app.jars()) {
        jars.add(node.root().resolve(app.dir()).resolve(jar.file()));
      }
    }
    try {
      jars.add(Path.of(Application.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // Without the API jar snippets cannot name dev.molt.api types; everything else works.
    }
    return jars;
  }

  /** Delegates to each app's loader in turn; its own parent is the apps' JDK-and-API parent. */
  static final class AppsClassLoader extends ClassLoader {
    static {
      registerAsParallelCapable();
    }

    private final List<ClassLoader> apps;

    AppsClassLoader(String release, Map<String, ClassLoader> loaders) {
      super(release + "-shell", loaders.values().iterator().next().getParent());
      this.apps = List.copyOf(loaders.values());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      for (ClassLoader app : apps) {
        try {
          return app.loadClass(name);
        } catch (ClassNotFoundException e) {
          // not in this app
        }
      }
      throw new ClassNotFoundException(name);
    }

    @Override
    protected java.net.URL findResource(String name) {
      for (ClassLoader app : apps) {
        java.net.URL url = app.getResource(name);
        if (url != null) {
          return url;
        }
      }
      return null;
    }
  }
}

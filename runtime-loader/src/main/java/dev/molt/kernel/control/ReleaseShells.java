package dev.molt.kernel.control;

import dev.molt.api.Application;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.shell.JavaShell;
import dev.molt.kernel.shell.ShellUnavailableException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
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
    return open(node, Invocations.appLoaders(node));
  }

  private static List<Path> classPath(Node node) {
    List<Path> jars = new ArrayList<>();
    node.apps().forEach(app -> jars.addAll(app.jars()));
    // Without the API jar snippets cannot name dev.molt.api types; everything else works.
    CodeSource api = Application.class.getProtectionDomain().getCodeSource();
    if (api != null) {
      try {
        jars.add(Path.of(api.getLocation().toURI()));
      } catch (URISyntaxException e) {
        // a location that is no file: leave the API out
      }
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

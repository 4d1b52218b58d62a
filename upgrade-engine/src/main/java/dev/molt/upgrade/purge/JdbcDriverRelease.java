package dev.molt.upgrade.purge;

import dev.molt.kernel.loader.AppClassLoader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Deregisters the JDBC drivers an old application loader left in {@code DriverManager}, which
 * holds them (and so the loader) for the JVM's life. {@code DriverManager} only lets a class that
 * can see a driver's class list or deregister it, so {@link DriverSweep} is defined into the old
 * loader and called there. Safe at purge: the app stopped, its new loader registered its own
 * drivers at start, and {@code DriverManager} never hands a caller a driver of another loader.
 * Only an {@link AppClassLoader} can take a class from outside; other loaders are skipped.
 */
final class JdbcDriverRelease {
  private static final String SWEEP = DriverSweep.class.getName();

  private JdbcDriverRelease() {}

  /** The outcome: the drivers deregistered and the failures, as report lines. */
  record Released(List<String> drivers, List<String> failures) {
    Released {
      drivers = List.copyOf(drivers);
      failures = List.copyOf(failures);
    }
  }

  static Released from(ClassLoader loader) {
    if (!(loader instanceof AppClassLoader app) || ModuleLayer.boot().findModule("java.sql")
        .isEmpty() || app.hasDefined(SWEEP)) {
      return new Released(List.of(), List.of());
    }
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    // DriverManager's first use looks drivers up through the context loader: never the old one
    thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
    try {
      Class<?> sweep = app.defineUpgradeClass(SWEEP, bytes());
      String out = (String) sweep.getMethod("deregister").invoke(null);
      List<String> drivers = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (line.startsWith("!")) {
          failures.add("cannot deregister JDBC driver " + line.substring(1));
        } else if (!line.isEmpty()) {
          drivers.add(line);
        }
      }
      return new Released(drivers, failures);
    } catch (IOException | ReflectiveOperationException | LinkageError | RuntimeException e) {
      Throwable cause = e instanceof InvocationTargetException i ? i.getCause() : e;
      return new Released(List.of(), List.of("cannot look for JDBC drivers of " + app.getName()
          + ": " + cause));
    } finally {
      thread.setContextClassLoader(saved);
    }
  }

  private static byte[] bytes() throws IOException {
    try (InputStream in = JdbcDriverRelease.class.getResourceAsStream("DriverSweep.class")) {
      if (in == null) {
        throw new IOException("DriverSweep.class is not in the engine's jar");
      }
      return in.readAllBytes();
    }
  }
}

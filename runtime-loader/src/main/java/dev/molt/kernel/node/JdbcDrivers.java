package dev.molt.kernel.node;

import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Registers an application's JDBC drivers with {@code DriverManager} before the app starts.
 *
 * <p>Why: {@code DriverManager} looks drivers up with {@link ServiceLoader} once per JVM, through
 * the context class loader of whichever thread uses it first. Under {@code java -cp} that is the
 * one application class loader, so every driver is found; in a node, an application started
 * later, or restarted in a new loader, would never be looked at, and
 * {@code DriverManager.getConnection} would answer "No suitable driver". Loading the app's
 * {@code java.sql.Driver} providers runs their static initializers, which register them, exactly
 * as DriverManager's own lookup does. Nothing happens when the runtime has no {@code java.sql}:
 * the type is named by reflection so that the kernel itself never needs that module (jdeps would
 * otherwise link it into every runtime).
 */
final class JdbcDrivers {
  private JdbcDrivers() {}

  static void register(NodeApp app) {
    Optional<Module> sql = ModuleLayer.boot().findModule("java.sql");
    if (sql.isEmpty()) {
      return;
    }
    ClassLoader loader = app.applicationLoader();
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Class<?> driver = Class.forName("java.sql.Driver", false, sql.get().getClassLoader());
      Iterator<?> drivers = ServiceLoader.load(driver, loader).iterator();
      while (drivers.hasNext()) {
        drivers.next();
      }
    } catch (ClassNotFoundException | ServiceConfigurationError | LinkageError | RuntimeException e) {
      // DriverManager's own lookup stops at a broken provider and goes on without it; so do we.
      System.err.println("molt: warning: a JDBC driver of " + app.label() + " did not load: " + e);
    } finally {
      thread.setContextClassLoader(saved);
    }
  }
}

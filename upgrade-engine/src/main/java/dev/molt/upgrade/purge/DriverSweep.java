package dev.molt.upgrade.purge;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Enumeration;

/**
 * Not used where it is compiled: its bytes are defined into an old application loader at purge
 * ({@link JdbcDriverRelease}), because {@code DriverManager} lists and deregisters a driver only
 * for a caller whose loader can see the driver's class. It names JDK types only (an application
 * loader shows nothing else), and no lambda or string concatenation bootstrap (it must link in a
 * loader that cannot see the engine). {@code java.sql} is reached by reflection, the caller
 * still being this class: a release whose apps use no JDBC links no {@code java.sql} (jdeps reads
 * the kernel's jars, this class included, to choose the runtime's modules).
 */
public final class DriverSweep {
  private DriverSweep() {}

  /**
   * Deregisters every driver whose class this class's loader defined.
   *
   * @return the drivers' class names, then the failures, one per line ({@code !} before a failure)
   */
  public static String deregister() {
    ClassLoader own = DriverSweep.class.getClassLoader();
    StringBuilder out = new StringBuilder();
    Method deregister;
    Enumeration<?> drivers;
    try {
      ClassLoader platform = ClassLoader.getPlatformClassLoader();
      Class<?> manager = Class.forName("java.sql.DriverManager", true, platform);
      Class<?> driverType = Class.forName("java.sql.Driver", false, platform);
      deregister = manager.getMethod("deregisterDriver", driverType);
      drivers = (Enumeration<?>) manager.getMethod("getDrivers").invoke(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return out.append("!java.sql.DriverManager: ").append(cause(e)).append('\n').toString();
    }
    while (drivers.hasMoreElements()) {
      Object driver = drivers.nextElement();
      if (driver.getClass().getClassLoader() != own) {
        continue;
      }
      try {
        deregister.invoke(null, driver);
        out.append(driver.getClass().getName()).append('\n');
      } catch (ReflectiveOperationException | RuntimeException e) {
        out.append('!').append(driver.getClass().getName()).append(": ").append(cause(e))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static Throwable cause(Exception e) {
    return e instanceof InvocationTargetException i && i.getCause() != null ? i.getCause() : e;
  }
}

package dev.molt.upgrade.purge;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Enumeration;

/**
 * Not used where it is compiled: its bytes are defined into an old application loader at purge
 * ({@link JdbcDriverRelease}), because {@code DriverManager} lists and deregisters a driver only
 * for a caller whose loader can see the driver's class. It names JDK types only (an application
 * loader shows nothing else), and no lambda or string concatenation bootstrap (it must link in a
 * loader that cannot see the engine).
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
    Enumeration<Driver> drivers = DriverManager.getDrivers();
    while (drivers.hasMoreElements()) {
      Driver driver = drivers.nextElement();
      if (driver.getClass().getClassLoader() != own) {
        continue;
      }
      try {
        DriverManager.deregisterDriver(driver);
        out.append(driver.getClass().getName()).append('\n');
      } catch (SQLException | RuntimeException e) {
        out.append('!').append(driver.getClass().getName()).append(": ").append(e).append('\n');
      }
    }
    return out.toString();
  }
}

package dev.molt.kernel.node;

import static dev.molt.kernel.testing.JarBuilder.jar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.kernel.testing.ReleaseRoot;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DriverManager looks drivers up once per JVM; applications started after that still find their
 * drivers through {@code DriverManager.getConnection}, because the kernel registers them at start.
 */
class JdbcDriversTest {
  @TempDir Path build;
  @TempDir Path root;

  @Test
  void driverManager_alreadyInitialized_stillFindsEachApplicationsOwnDriver() throws Exception {
    Path driver = jar(build, "fake-driver.jar").source("fake.FakeDriver", """
        package fake;
        import java.sql.*;
        import java.util.Properties;
        import java.util.logging.Logger;
        public class FakeDriver implements Driver {
          static {
            try { DriverManager.registerDriver(new FakeDriver()); }
            catch (SQLException e) { throw new ExceptionInInitializerError(e); }
          }
          public Connection connect(String url, Properties p) {
            if (!acceptsURL(url)) return null;
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(
                FakeDriver.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, m, args) -> m.getName().equals("toString")
                    ? "connected by " + FakeDriver.class.getClassLoader().getName() : null);
          }
          public boolean acceptsURL(String url) { return url.startsWith("jdbc:fake:"); }
          public DriverPropertyInfo[] getPropertyInfo(String u, Properties p) {
            return new DriverPropertyInfo[0];
          }
          public int getMajorVersion() { return 1; }
          public int getMinorVersion() { return 0; }
          public boolean jdbcCompliant() { return false; }
          public Logger getParentLogger() { return Logger.getGlobal(); }
        }""").resource("META-INF/services/java.sql.Driver", "fake.FakeDriver\n").build();
    Path app = jar(build, "app.jar").source("app.Main", """
        package app;
        public class Main {
          public static void main(String[] args) {}
          public static String connect() throws Exception {
            return java.sql.DriverManager.getConnection("jdbc:fake:db").toString();
          }
        }""").build();
    // DriverManager's one lookup happens now, through a loader that sees no fake driver
    assertThat(Collections.list(DriverManager.getDrivers())).noneMatch(
        d -> d.getClass().getName().equals("fake.FakeDriver"));
    ReleaseRoot.at(root, "jdbc", "1.0").library("fake-driver", "1.0", driver)
        .main("first", app, "app.Main", "fake-driver").main("second", app, "app.Main", "fake-driver")
        .write();
    Node node = Node.load(new BootRequest(root, "1.0", Map.of(), true));
    node.startApps(failure -> { });
    try {
      for (String name : new String[] {"first", "second"}) {
        ClassLoader loader = node.app(name).orElseThrow().loader().orElseThrow();
        Object connection = Class.forName("app.Main", true, loader).getMethod("connect").invoke(null);
        assertThat(connection).hasToString("connected by " + name + "-1.0");
      }
    } finally {
      node.stopApps();
    }
  }
}

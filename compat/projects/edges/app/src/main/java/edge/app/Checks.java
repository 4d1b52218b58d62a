package edge.app;

import edge.api.Lookups;
import edge.split.Peek;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** Each check is one line "name=value"; a failure is reported as "name=FAIL <exception>". */
final class Checks {
  private Checks() {}

  static String run() throws InterruptedException {
    StringBuilder report = new StringBuilder();
    line(report, "split", Peek::secret);
    line(report, "forName", () -> Lookups.forName("edge.impl.HelloGreeter"));
    line(report, "jdbc", Checks::jdbc);
    line(report, "serviceViaContextLoader", Lookups::greetersViaContextLoader);
    line(report, "serviceViaOwnLoader", Lookups::greetersViaOwnLoader);
    line(report, "resources", Checks::resources);
    line(report, "contextLoaderInMain", () -> whose(Thread.currentThread().getContextClassLoader()));
    AtomicReference<ClassLoader> seen = new AtomicReference<>();
    Thread thread = new Thread(() -> seen.set(Thread.currentThread().getContextClassLoader()));
    thread.start();
    thread.join();
    line(report, "contextLoaderInThread", () -> whose(seen.get()));
    return report.toString();
  }

  private static String jdbc() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:edges");
        ResultSet rs = connection.createStatement().executeQuery("select 6 * 7")) {
      rs.next();
      return connection.getMetaData().getDriverName() + " " + rs.getInt(1);
    }
  }

  private static String resources() throws Exception {
    List<String> found = new ArrayList<>();
    for (URL url : Collections.list(
        Thread.currentThread().getContextClassLoader().getResources("edge/shared.txt"))) {
      try (var in = url.openStream()) {
        found.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
      }
    }
    return String.join(",", found);
  }

  private static String whose(ClassLoader loader) {
    return loader == EdgeApp.class.getClassLoader() ? "the app's loader" : "other " + loader;
  }

  private static void line(StringBuilder report, String name, Callable<String> check) {
    String value;
    try {
      value = check.call();
    } catch (Throwable t) {
      value = "FAIL " + t;
    }
    report.append(name).append('=').append(value).append('\n');
  }
}

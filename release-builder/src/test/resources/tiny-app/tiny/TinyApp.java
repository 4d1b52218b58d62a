package tiny;

import dev.molt.api.Application;
import dev.molt.api.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny application for tests of a real release: leaves marks in its data directory, and what
 * looking a JDK class up by name gave (java.desktop, which jdeps cannot see it needs).
 */
public final class TinyApp implements Application {
  private Path data;

  @Override
  public void start(ApplicationContext context) throws Exception {
    data = context.dataDir();
    Files.createDirectories(data);
    Files.writeString(data.resolve("started"), context.name() + " " + context.version());
    Files.writeString(data.resolve("probe"), probe("java.beans.Introspector"));
  }

  /** What a framework probing an optional class by name gets: found, or the exception. */
  private static String probe(String className) {
    try {
      return "found " + Class.forName(className).getName();
    } catch (ClassNotFoundException e) {
      return e.toString();
    }
  }

  @Override
  public void stop() throws Exception {
    Files.writeString(data.resolve("stopped"), "bye");
  }
}

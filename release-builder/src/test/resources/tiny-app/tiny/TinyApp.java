package tiny;

import dev.molt.api.Application;
import dev.molt.api.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny application for tests of a real release: leaves marks in its data directory. */
public final class TinyApp implements Application {
  private Path data;

  @Override
  public void start(ApplicationContext context) throws Exception {
    data = context.dataDir();
    Files.createDirectories(data);
    Files.writeString(data.resolve("started"), context.name() + " " + context.version());
  }

  @Override
  public void stop() throws Exception {
    Files.writeString(data.resolve("stopped"), "bye");
  }
}

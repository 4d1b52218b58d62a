package dev.molt.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One way of starting book_app as a process, and of stopping it again. */
abstract class Launch {
  private static final long STOP_SECONDS = 30;

  abstract String label();

  abstract List<String> command();

  abstract Map<String, String> environment(int port);

  /** Asks the process to stop the way a user would; {@link #stop} forces it afterwards. */
  abstract void requestStop(Process process) throws IOException, InterruptedException;

  /** Runs {@code <script> stop}, as a user stops a release, waiting for it at most 60 s. */
  static void runStopCommand(Path script) throws IOException, InterruptedException {
    Process stop = new ProcessBuilder(script.toString(), "stop")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!stop.waitFor(60, TimeUnit.SECONDS)) {
      stop.destroyForcibly();
    }
  }

  Process start(int port, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment(port));
    return builder.start();
  }

  /** Stops {@code process} and all it started, bounded in time. */
  void stop(Process process) throws InterruptedException {
    try {
      requestStop(process);
    } catch (IOException e) {
      System.err.println(label() + ": graceful stop failed: " + e);
    }
    if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
      System.err.println(label() + ": did not stop within " + STOP_SECONDS + " s; killing it");
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
  }
}

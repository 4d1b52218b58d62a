package dev.molt.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code bin/book_app foreground}, stopped with {@code bin/book_app stop}. */
final class MoltLaunch extends Launch {
  private final Path script;

  MoltLaunch(Path releaseRoot) {
    this.script = releaseRoot.resolve("bin/book_app");
  }

  @Override
  String label() {
    return "bin/book_app foreground";
  }

  @Override
  List<String> command() {
    return List.of(script.toString(), "foreground");
  }

  @Override
  Map<String, String> environment(int port) {
    return Map.of("PORT", Integer.toString(port));
  }

  @Override
  void requestStop(Process process) throws IOException, InterruptedException {
    Process stop = new ProcessBuilder(script.toString(), "stop")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!stop.waitFor(60, TimeUnit.SECONDS)) {
      stop.destroyForcibly();
    }
  }
}

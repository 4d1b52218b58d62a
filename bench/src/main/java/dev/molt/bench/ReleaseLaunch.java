package dev.molt.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code bin/<name> foreground} of any release, the port in an environment variable. */
final class ReleaseLaunch extends Launch {
  private final Path script;
  private final String portVariable;

  ReleaseLaunch(BuiltRelease release, String portVariable) {
    this.script = release.root().resolve("bin").resolve(release.name());
    this.portVariable = portVariable;
  }

  @Override
  String label() {
    return "bin/" + script.getFileName() + " foreground";
  }

  @Override
  List<String> command() {
    return List.of(script.toString(), "foreground");
  }

  @Override
  Map<String, String> environment(int port) {
    return Map.of(portVariable, Integer.toString(port));
  }

  @Override
  void requestStop(Process process) throws IOException, InterruptedException {
    runStopCommand(script);
  }
}

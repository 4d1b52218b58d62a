package dev.molt.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the tools of one JDK (jlink, jdeps, java) and reports their failures with their output. */
final class JdkTools {
  private static final long TIMEOUT_MINUTES = 10;
  private final Path home;

  JdkTools(Path home) {
    this.home = home;
  }

  Path home() {
    return home;
  }

  /** The full version, e.g. "17.0.15", from {@code jlink --version}. */
  String version() throws ReleaseBuildException {
    return run(List.of(tool("jlink").toString(), "--version")).strip();
  }

  /** The feature release number, e.g. 17 or 25. */
  static int feature(String version) {
    String digits = version.replaceFirst("^(\\d+).*$", "$1");
    return digits.matches("\\d+") ? Integer.parseInt(digits) : 17;
  }

  /** The names of the modules this JDK has. */
  List<String> modules() throws ReleaseBuildException {
    List<String> out = new ArrayList<>();
    for (String line : run(List.of(tool("java").toString(), "--list-modules")).split("\n")) {
      if (!line.isBlank()) {
        out.add(line.strip().replaceFirst("@.*$", ""));
      }
    }
    return out;
  }

  boolean jlinkHasPlugin(String plugin) throws ReleaseBuildException {
    return run(List.of(tool("jlink").toString(), "--list-plugins")).contains("--" + plugin);
  }

  Path tool(String name) throws ToolFailedException {
    Path tool = home.resolve("bin").resolve(name);
    if (!Files.isExecutable(tool)) {
      throw new ToolFailedException("no " + name + " in " + home.resolve("bin")
          + "; point the build at a full JDK (jdkHome, --jdk or JAVA_HOME), not a JRE");
    }
    return tool;
  }

  /** Runs a command, returns its standard output; a non-zero exit is an error with its output. */
  String run(List<String> command) throws ReleaseBuildException {
    try {
      Path err = Files.createTempFile("molt-tool", ".err");
      try {
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new ToolFailedException(String.join(" ", command) + " did not finish within "
              + TIMEOUT_MINUTES + " minutes");
        }
        String stdout = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
          throw new ToolFailedException(command.get(0) + " failed (exit " + p.exitValue() + "): "
              + (stdout + Files.readString(err)).strip() + "\ncommand: " + String.join(" ", command));
        }
        return stdout;
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new ToolFailedException("cannot run " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolFailedException("interrupted while running " + command.get(0));
    }
  }
}

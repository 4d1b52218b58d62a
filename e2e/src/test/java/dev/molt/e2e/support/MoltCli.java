package dev.molt.e2e.support;

import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Commands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code molt} CLI ({@code dev.molt.release.cli.MoltCommand}) run as a process on this JVM's
 * class path, for the exit codes and messages a CI system sees.
 */
public final class MoltCli {
  private MoltCli() {}

  /** {@code molt release} of {@code fixture} with another rel/ folder or lib/ folder. */
  public static CommandResult release(
      Fixture fixture, Path relDir, Path libDir, String environment, Path outputDir) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "dev.molt.release.cli.MoltCommand", "release",
        "--rel", relDir.toString(),
        "--tree", fixture.tgf().toString(),
        "--lib", libDir.toString(),
        "--app-jar", fixture.jar().toString(),
        "--env", environment,
        "--out", outputDir.toString()));
    fixture.entryClass().ifPresent(c -> command.addAll(List.of("--main-class", c)));
    return Commands.run(command, outputDir.getParent(), Map.of("PATH", "/usr/bin:/bin"),
        Duration.ofSeconds(120));
  }
}

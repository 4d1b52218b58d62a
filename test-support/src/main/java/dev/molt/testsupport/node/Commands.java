package dev.molt.testsupport.node;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to completion with a given environment and a time limit. Output goes to files,
 * not pipes: {@code bin/<name> start} leaves a background JVM that may inherit the streams, and
 * reading a pipe it holds open would never end.
 */
public final class Commands {
  private Commands() {}

  /**
   * Runs {@code command} in {@code cwd} with exactly {@code env}; kills it and fails when it takes
   * longer than {@code timeout}.
   */
  public static CommandResult run(
      List<String> command, Path cwd, Map<String, String> env, Duration timeout) {
    return run(command, cwd, env, timeout, new File("/dev/null"));
  }

  /** {@link #run(List, Path, Map, Duration)} with {@code input} as the command's stdin. */
  public static CommandResult run(
      List<String> command, Path cwd, Map<String, String> env, Duration timeout, File input) {
    try {
      Path out = Files.createTempFile("molt-e2e-", ".out");
      Path err = Files.createTempFile("molt-e2e-", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(input))
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
          if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(String.join(" ", command) + " did not finish within "
                + timeout + "\n--- stdout\n" + read(out) + "--- stderr\n" + read(err));
          }
          return new CommandResult(
              String.join(" ", command), process.exitValue(), read(out), read(err));
        } finally {
          if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
          }
        }
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}

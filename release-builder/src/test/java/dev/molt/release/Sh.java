package dev.molt.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a release's bin script with dash and a controlled environment, with a time limit. */
final class Sh {
  /** The outcome of one command. */
  record Result(int code, String out, String err) {}

  private final Path workDir;
  final Map<String, String> env;

  Sh(Path workDir, Map<String, String> env) {
    this.workDir = workDir;
    this.env = env;
  }

  Result run(Path script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("dash", script.toString()));
    cmd.addAll(List.of(args));
    return runCommand(cmd);
  }

  /** Runs any command line the same way. */
  Result runCommand(List<String> cmd) throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        throw new AssertionError(cmd + " did not finish within 120 s");
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      p.destroyForcibly();
    }
  }
}

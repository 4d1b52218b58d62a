package dev.molt.upgrade.hook;

import dev.molt.format.UpgradeJournal;
import dev.molt.upgrade.step.Step;
import dev.molt.upgrade.step.StepException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The {@code pre_upgrade} or {@code post_upgrade} hooks of the release the node moves to
 * ({@code releases/<vsn>/hooks/<phase>/*.sh}, in name order), as a step: the first script that
 * exits non-zero, or outlives its deadline (then it and its children are killed), fails the step.
 * A hook's output goes to the node's log. Undo has nothing to reverse.
 */
public final class HookStep implements Step {
  private final String phase;
  private final Path dir;
  private final Map<String, String> env;
  private final Duration deadline;
  private final java.io.PrintStream log;

  /** @param env the whole environment of the scripts (the node's, plus the MOLT_UPGRADE_* ones) */
  public HookStep(String phase, Path dir, Map<String, String> env, Duration deadline,
      java.io.PrintStream log) {
    this.phase = phase;
    this.dir = dir;
    this.env = Map.copyOf(env);
    this.deadline = deadline;
    this.log = log;
  }

  /** The scripts this step runs, in order; empty when the release has none. */
  public List<Path> scripts() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".sh")).sorted().toList();
    }
  }

  @Override
  public String describe() {
    return phase + " hooks";
  }

  @Override
  public Optional<UpgradeJournal.Phase> journalPhase() {
    return Optional.of(phase.equals("pre_upgrade") ? UpgradeJournal.Phase.PRE_UPGRADE
        : UpgradeJournal.Phase.POST_UPGRADE);
  }

  @Override
  public void run() throws StepException {
    List<Path> scripts;
    try {
      scripts = scripts();
    } catch (IOException e) {
      throw new StepException("cannot list the " + phase + " hooks in " + dir + ": " + e, e);
    }
    for (Path script : scripts) {
      runOne(script);
    }
  }

  /** Runs one script of this step's directory (the trial runs its one script so). */
  public void runOne(Path script) throws StepException {
    List<String> command = new ArrayList<>(List.of("/bin/sh", script.toString()));
    try {
      File out = File.createTempFile("molt-hook-", ".out");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(out).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("MOLT_HOOK_PHASE", phase);
        Process process = builder.start();
        boolean done = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
        String output = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        log.print(output.isEmpty() || output.endsWith("\n") ? output : output + "\n");
        if (!done) {
          throw new StepException(phase + " hook " + script + " did not finish within "
              + deadline.toSeconds() + " s and was killed; make it faster or raise"
              + " MOLT_HOOK_TIMEOUT" + tail(output));
        }
        if (process.exitValue() != 0) {
          throw new StepException(phase + " hook " + script + " failed (exit "
              + process.exitValue() + "); fix it, or remove it from the release" + tail(output));
        }
      } finally {
        Files.deleteIfExists(out.toPath());
      }
    } catch (IOException e) {
      throw new StepException("cannot run " + phase + " hook " + script + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepException(phase + " hook " + script + " interrupted", e);
    }
  }

  private static String tail(String output) {
    String trimmed = output.strip();
    if (trimmed.isEmpty()) {
      return "";
    }
    int from = Math.max(0, trimmed.length() - 400);
    return "; it said: " + trimmed.substring(from).replace('\n', ' ');
  }

  @Override
  public void undo() {
    // a hook's effects are its own; nothing to reverse here
  }
}

package dev.molt.upgrade;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * For tests only: {@code MOLT_TEST_PAUSE_AT} in the node's environment at boot makes every
 * upgrade and downgrade stop at one point, so a test can kill the JVM there. The value is a step
 * number (0-based, as in the journal), the first words of a step's line ({@code pre_upgrade},
 * {@code redefine}, {@code node runs release}, {@code purge}, ...), {@code commit} (the journal says
 * commit, RELEASES.json is not written yet) or {@code committed} (RELEASES.json written, the
 * journal not yet deleted). There the engine writes {@code tmp/molt-test-pause.reached} (what it
 * reached) and waits until {@code tmp/molt-test-pause.release} exists, at most 60 s, then goes on.
 * Unset (the default), it does nothing.
 */
final class TestPause {
  static final String VARIABLE = "MOLT_TEST_PAUSE_AT";
  private static final Duration LONGEST = Duration.ofSeconds(60);

  private final Optional<String> at;
  private final Path reached;
  private final Path release;
  private final PrintStream log;

  private TestPause(Optional<String> at, Path tmp, PrintStream log) {
    this.at = at;
    this.reached = tmp.resolve("molt-test-pause.reached");
    this.release = tmp.resolve("molt-test-pause.release");
    this.log = log;
  }

  /** Reads {@value #VARIABLE} from the node's environment, once. */
  static TestPause fromEnvironment(Map<String, String> env, Path root, PrintStream log) {
    return new TestPause(Optional.ofNullable(env.get(VARIABLE)).map(String::strip)
        .filter(v -> !v.isEmpty()), root.resolve("tmp"), log);
  }

  /** Pauses when {@code step} (its number, or its line) is the point named; else returns at once. */
  void at(int number, String line) {
    if (at.isEmpty()) {
      return;
    }
    String wanted = at.get();
    if (wanted.equals(Integer.toString(number)) || line.equals(wanted)
        || line.startsWith(wanted + " ")) {
      pause(number + " " + line);
    }
  }

  private void pause(String what) {
    log.println("molt: " + VARIABLE + "=" + at.get() + " (for tests only): paused at " + what
        + "; waiting up to " + LONGEST.toSeconds() + " s for " + release);
    log.flush();
    try {
      Files.deleteIfExists(release);
      // whole or absent: the test reads it as soon as it appears
      Path temp = reached.resolveSibling(reached.getFileName() + ".tmp");
      Files.writeString(temp, what + "\n", StandardCharsets.UTF_8);
      Files.move(temp, reached, StandardCopyOption.ATOMIC_MOVE);
      long deadline = System.nanoTime() + LONGEST.toNanos();
      while (!Files.exists(release) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Files.deleteIfExists(release);
      Files.deleteIfExists(reached);
    } catch (IOException e) {
      log.println("molt: " + VARIABLE + ": " + e + "; going on without pausing");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

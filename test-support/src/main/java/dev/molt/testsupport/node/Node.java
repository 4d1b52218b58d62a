package dev.molt.testsupport.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A release on disk driven through its {@code bin/<name>} script. {@link #close} stops whatever
 * node this release runs, through the script and then, if anything is left, by pid; tests call it
 * from {@code @AfterEach}.
 */
public final class Node implements AutoCloseable {
  /** Generous: two shared cores, several builds at once. */
  public static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final Path root;
  private final String name;

  public Node(Path root, String name) {
    this.root = root.toAbsolutePath();
    this.name = name;
  }

  public Path root() {
    return root;
  }

  public Path script() {
    return root.resolve("bin").resolve(name);
  }

  public Path pidFile() {
    return root.resolve("tmp").resolve(name + ".pid");
  }

  /** The environment of this test JVM without {@code PORT}, plus {@code extra}. */
  public static Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("PORT");
    env.putAll(extra);
    return env;
  }

  /** {@link #env} with {@code PORT} set. */
  public static Map<String, String> envWithPort(int port) {
    return env(Map.of("PORT", Integer.toString(port)));
  }

  /** Runs {@code bin/<name> args...} from the release root. */
  public CommandResult run(Map<String, String> env, String... args) {
    return runFrom(root, script(), env, args);
  }

  /** Runs {@code bin/<name> args...} with {@code input} as its stdin (a piped console). */
  public CommandResult runWithInput(Map<String, String> env, String input, String... args) {
    try {
      Path in = Files.createTempFile("molt-e2e-", ".in");
      try {
        Files.writeString(in, input);
        List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.addAll(List.of(args));
        return Commands.run(command, root, env, TIMEOUT, in.toFile());
      } finally {
        Files.deleteIfExists(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code script args...} (the release's, or a symlink to it) from {@code cwd}. */
  public CommandResult runFrom(Path cwd, Path script, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.addAll(List.of(args));
    return Commands.run(command, cwd, env, TIMEOUT);
  }

  /** {@code bin/<name> start} with PORT, then waits until {@code /health} answers 200. */
  public CommandResult startAndAwait(int port) {
    return startAndAwait(envWithPort(port), port, "/health");
  }

  /**
   * {@code bin/<name> start} with {@code env}, then waits until {@code path} on {@code port}
   * answers 200; a failure message carries the node's log.
   */
  public CommandResult startAndAwait(Map<String, String> env, int port, String path) {
    CommandResult started = run(env, "start");
    if (started.exitCode() != 0) {
      throw new AssertionError("start failed: " + started + "\n--- log\n" + log());
    }
    try {
      Http.awaitOk(port, path, TIMEOUT);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- log\n" + log(), e);
    }
    return started;
  }

  /** The pid in {@code tmp/<name>.pid}, if the file exists. */
  public Optional<Long> pidFromFile() {
    try {
      if (!Files.exists(pidFile())) {
        return Optional.empty();
      }
      return Optional.of(Long.parseLong(Files.readString(pidFile()).trim()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The node's log ({@code var/log/<name>.log}), or a note that there is none. */
  public String log() {
    Path log = root.resolve("var/log/" + name + ".log");
    try {
      return Files.exists(log) ? Files.readString(log) : "(no " + log + ")";
    } catch (IOException e) {
      return "(unreadable " + log + ": " + e + ")";
    }
  }

  /** Stops the node if it runs: {@code bin/<name> stop}, then kills what is left by pid. */
  @Override
  public void close() {
    try {
      if (pidFromFile().isPresent()) {
        run(env(Map.of()), "stop");
      }
    } catch (AssertionError e) {
      // Fall through to the kill below; the test has already reported its own failure.
    } finally {
      pidFromFile().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
      NodeProcesses.under(root).forEach(ProcessHandle::destroyForcibly);
    }
  }
}

package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.SharedBookRelease;
import dev.molt.e2e.support.TamperedJars;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/commands.md promises about hooks, helpers and time limits, on one copy of the book_app
 * release driven through bin/book_app: each test adds the hooks it needs and removes them after.
 */
class HooksAndHelpersIT {
  @TempDir static Path classDir;
  private static Node node;
  private static Path hooks;
  private int port;
  private Map<String, String> env;

  @BeforeAll
  static void copyRelease() throws Exception {
    node = SharedBookRelease.copyTo(classDir);
    hooks = node.root().resolve("releases/0.1.0/hooks");
  }

  @BeforeEach
  void freshPort() {
    port = Ports.free();
    env = Node.envWithPort(port);
  }

  @AfterEach
  void stopNodeAndRemoveAddedHooks() throws IOException {
    node.close();
    try (Stream<Path> files = Files.walk(hooks)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        if (!p.equals(hooks) && !p.endsWith("post_start") && !p.endsWith("10-migrate.sh")
            && !p.endsWith("README.md")) {
          Files.delete(p);
        }
      }
    }
    Files.deleteIfExists(node.root().resolve("var/hooks.log"));
  }

  @Test
  void configureHooks_runWithTheirPhaseBeforePreStart_andMoltSkipHooksRunsNone() throws Exception {
    for (String phase : new String[] {"pre_configure", "post_configure", "pre_start"}) {
      hook(phase, "10-mark.sh", "echo \"$MOLT_HOOK_PHASE\" >> \"$RELEASE_ROOT/var/hooks.log\"");
    }
    node.startAndAwait(port);
    assertThat(read("var/hooks.log")).isEqualTo("pre_configure\npost_configure\npre_start\n");
    assertThat(node.run(env, "stop").exitCode()).isZero();

    Files.delete(node.root().resolve("var/hooks.log"));
    CommandResult skipped = node.run(Node.env(Map.of("PORT", Integer.toString(port),
        "MOLT_SKIP_HOOKS", "1")), "start");
    assertThat(skipped.exitCode()).as(skipped.toString()).isZero();
    assertThat(skipped.output()).doesNotContain("running post_start hook", "running pre_start hook");
    assertThat(node.root().resolve("var/hooks.log")).doesNotExist();
  }

  /**
   * {@code ping} exits 1 while the node's apps are still starting (docs/commands.md): book_app's
   * entry is wrapped, for this test only, in a class whose start waits for a file the test writes.
   */
  @Test
  void ping_whileTheAppsAreStarting_exits1_thenPong() throws Exception {
    Path jar = TamperedJars.appJar(node.root(), "book_app", "0.1.0");
    Path releaseJson = node.root().resolve("releases/0.1.0/release.json");
    byte[] originalJar = Files.readAllBytes(jar);
    String originalJson = Files.readString(releaseJson);
    Path go = node.root().resolve("var/slow-start.go");
    ExecutorService background = Executors.newSingleThreadExecutor();
    try {
      List<Path> classPath = new ArrayList<>(List.of(jar));
      try (Stream<Path> lib = Files.walk(node.root().resolve("lib"))) {
        lib.filter(p -> p.getFileName().toString().startsWith("molt-api")).forEach(classPath::add);
      }
      TamperedJars.addClass(node.root(), "book_app", "0.1.0", "dev.molt.fixtures.book.SlowStart", SLOW_START,
          classPath);
      String json = Files.readString(releaseJson);
      assertThat(json).contains("\"dev.molt.fixtures.book.BookApp\"");
      Files.writeString(releaseJson, json.replace("\"dev.molt.fixtures.book.BookApp\"",
          "\"dev.molt.fixtures.book.SlowStart\""));

      Future<CommandResult> start = background.submit(() -> node.run(env, "start"));
      CommandResult starting = awaitPingExit(1, start);
      assertThat(starting.output()).as(starting.toString()).contains("book_app is starting");
      assertThat(start.isDone()).as("start waits while the apps start").isFalse();

      Files.writeString(go, "go");
      CommandResult started = start.get(Node.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(started.exitCode()).as(started + "\n" + node.log()).isZero();
      assertThat(node.run(env, "ping").stdout()).isEqualTo("pong\n");
    } finally {
      Files.writeString(go, "go"); // a start still waiting goes on, so close() can stop the node
      background.shutdown();
      node.close();
      background.awaitTermination(Node.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      Files.write(jar, originalJar);
      Files.writeString(releaseJson, originalJson);
      Files.deleteIfExists(go);
    }
  }

  private static final String SLOW_START = String.join("\n",
      "package dev.molt.fixtures.book;",
      "import java.nio.file.Files;",
      "import java.nio.file.Path;",
      "public final class SlowStart implements dev.molt.api.Application {",
      "  private final BookApp app = new BookApp();",
      "  @Override public void start(dev.molt.api.ApplicationContext context) throws Exception {",
      "    Path go = Path.of(System.getProperty(\"molt.release.root\"), \"var\", \"slow-start.go\");",
      "    long deadline = System.nanoTime() + 20_000_000_000L;",
      "    while (!Files.exists(go) && System.nanoTime() < deadline) {",
      "      Thread.sleep(20);",
      "    }",
      "    app.start(context);",
      "  }",
      "  @Override public void stop() throws Exception {",
      "    app.stop();",
      "  }",
      "}",
      "");

  /** Runs {@code ping} until it exits with {@code code} (bounded; the node's channel opens before its apps start). */
  private CommandResult awaitPingExit(int code, Future<CommandResult> start) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    CommandResult ping = node.run(env, "ping");
    while (ping.exitCode() != code && !start.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      ping = node.run(env, "ping");
    }
    assertThat(ping.exitCode()).as("ping while book_app starts: %s\n%s", ping, node.log()).isEqualTo(code);
    return ping;
  }

  @Test
  void postStartHookFails_startExits1AndTheNodeStaysUp() {
    hook("post_start", "20-fail.sh", "echo 'cannot warm the cache' >&2; exit 3");
    CommandResult start = node.run(env, "start");
    assertThat(start.exitCode()).as(start.toString()).isEqualTo(1);
    assertThat(start.stderr()).contains("cannot warm the cache", "post_start hook",
        "20-fail.sh failed (exit 3)", "book_app is running, but a post_start hook failed");
    assertThat(node.run(env, "ping").stdout()).isEqualTo("pong\n");
  }

  @Test
  void preStopHookFails_stopExits1AndTheNodeKeepsRunning_postStopFails_stopExits1NodeStopped() {
    node.startAndAwait(port);
    hook("pre_stop", "10-fail.sh", "exit 4");
    CommandResult refused = node.run(env, "stop");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.stderr()).contains("pre_stop hook", "10-fail.sh failed (exit 4)");
    assertThat(node.run(env, "ping").exitCode()).isZero();

    delete("pre_stop/10-fail.sh");
    hook("post_stop", "10-fail.sh", "exit 5");
    CommandResult stopped = node.run(env, "stop");
    assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
    assertThat(stopped.output()).contains("book_app stopped", "post_stop hook", "failed (exit 5)");
    assertThat(node.pidFile()).doesNotExist();
    assertThat(node.run(env, "ping").exitCode()).isEqualTo(3);
  }

  @Test
  void helpers_releaseRemoteCtlReleaseCmdReleaseEnv_workFromAHook() throws Exception {
    hook("post_start", "20-helpers.sh", String.join("\n",
        ". \"$RELEASE_ROOT/bin/$RELEASE_NAME.d/functions.sh\"",
        "out=\"$RELEASE_ROOT/var/hooks.log\"",
        "release_remote_ctl ping >> \"$out\"",
        "release_remote_ctl rpc java.lang.Math.max 3 4 >> \"$out\"",
        "echo \"pid $(release_cmd pid)\" >> \"$out\"",
        "release_env >> \"$out\"",
        "release_remote_ctl frobnicate 2>/dev/null; echo \"usage $?\" >> \"$out\"",
        "release_ctl eval java.lang.Math.min 3 4 >> \"$out\""));
    node.startAndAwait(port);
    long pid = node.pidFromFile().orElseThrow();
    assertThat(read("var/hooks.log")).isEqualTo(String.join("\n", "pong", "4", "pid " + pid,
        "RELEASE_ROOT=" + node.root().toRealPath(), "RELEASE_NAME=book_app", "RELEASE_VSN=0.1.0",
        "RELEASE_ENVIRONMENT=prod", "usage 2", "3", ""));
  }

  @Test
  void customCommand_getsItsArgumentsAsGiven() throws Exception {
    Path script = node.root().resolve("releases/0.1.0/commands/args.sh");
    Path releaseEnv = node.root().resolve("releases/0.1.0/release.env");
    String original = Files.readString(releaseEnv);
    try {
      Files.writeString(script, "#!/bin/sh\nprintf '%s|' \"$#\" \"$@\"; echo\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      // As if release.json declared it (rel/molt.json "commands": {"args": {}}).
      Files.writeString(releaseEnv, original.replace("COMMANDS='seed'", "COMMANDS='seed args'"));
      CommandResult args = node.run(env, "args", "one two", "", "*", "--x=y");
      assertThat(args.exitCode()).as(args.toString()).isZero();
      assertThat(args.stdout()).isEqualTo("4|one two||*|--x=y|\n");
    } finally {
      Files.writeString(releaseEnv, original);
      Files.deleteIfExists(script);
    }
  }

  @Test
  void hookThatHangs_stoppedAfterMoltHookTimeout_stopStillWorks() {
    node.startAndAwait(port);
    hook("pre_stop", "10-hang.sh", "exec sleep 60");
    CommandResult stop = node.run(Node.env(Map.of("MOLT_HOOK_TIMEOUT", "1")), "stop");
    assertThat(stop.exitCode()).as(stop.toString()).isEqualTo(1);
    assertThat(stop.stderr()).contains("pre_stop hook", "did not finish within 1 s", "MOLT_HOOK_TIMEOUT");
    delete("pre_stop/10-hang.sh");
    assertThat(node.run(env, "stop").exitCode()).isZero();
  }

  @Test
  void stoppedNode_channelCommandsExit5AfterMoltControlTimeout() throws Exception {
    node.startAndAwait(port);
    long pid = node.pidFromFile().orElseThrow();
    signal("STOP", pid); // the JVM accepts connections (the kernel's backlog) but never answers
    try {
      long t0 = System.nanoTime();
      CommandResult ping = node.run(Node.env(Map.of("MOLT_CONTROL_TIMEOUT", "1")), "ping");
      assertThat(ping.exitCode()).as(ping.toString()).isEqualTo(5);
      assertThat(ping.stderr()).contains("did not complete the handshake within 1000");
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(20);
    } finally {
      signal("CONT", pid);
    }
    assertThat(node.run(env, "ping").stdout()).isEqualTo("pong\n");
  }

  @Test
  void stop_whenTheChannelDoesNotTakeIt_fallsBackToSigterm() throws Exception {
    node.startAndAwait(port);
    long pid = node.pidFromFile().orElseThrow();
    Path socket = node.root().resolve("tmp/book_app.sock");
    Files.move(socket, node.root().resolve("tmp/aside.sock")); // the node runs; its channel is unreachable
    CommandResult stop = node.run(env, "stop");
    assertThat(stop.exitCode()).as(stop.toString()).isZero();
    assertThat(stop.stderr()).contains("the control channel did not take stop (exit 3); sending SIGTERM to " + pid);
    assertThat(stop.stdout()).contains("book_app stopped");
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    Files.deleteIfExists(node.root().resolve("tmp/aside.sock"));
  }

  @Test
  void start_jvmThatNeverComesUp_givesUpAfterMoltStartTimeout() throws Exception {
    // A JVM that pauses before main (HotSpot's diagnostic PauseAtStartup) never writes its pid file.
    CommandResult start = node.run(Node.env(Map.of("PORT", Integer.toString(port),
        "MOLT_START_TIMEOUT", "2", "MOLT_KERNEL_CDS", "false",
        "JAVA_TOOL_OPTIONS", "-XX:+UnlockDiagnosticVMOptions -XX:+PauseAtStartup")), "start");
    try {
      assertThat(start.exitCode()).as(start.toString()).isEqualTo(1);
      assertThat(start.stderr()).contains("book_app did not start within 2 s", "still running",
          "raise MOLT_START_TIMEOUT");
    } finally {
      node.close();
      try (Stream<Path> paused = Files.list(node.root())) {
        for (Path p : (Iterable<Path>) paused.filter(p -> p.getFileName().toString()
            .startsWith("vm.paused."))::iterator) {
          Files.delete(p);
        }
      }
    }
  }

  private static void signal(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private static void hook(String phase, String file, String body) {
    try {
      Path script = hooks.resolve(phase).resolve(file);
      Files.createDirectories(script.getParent());
      Files.writeString(script, "#!/bin/sh\n" + body + "\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(String hook) {
    try {
      Files.delete(hooks.resolve(hook));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String relative) {
    try {
      return Files.readString(node.root().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kernel whose app takes seconds to start, driven through bin/<name>: while it starts it
 * answers ping with exit 1, a second start or foreground is refused with exit 7, and stop stops it
 * although it has no pid file yet. A start whose kernel finds the node lock taken (a node that has
 * not opened its channel yet) exits 7 too.
 */
class RealKernelStartingIT {
  private static final String SLOW_APP = """
      package slow;
      public final class SlowApp implements dev.molt.api.Application {
        @Override
        public void start(dev.molt.api.ApplicationContext context) throws Exception {
          Thread.sleep(Long.parseLong(System.getenv().getOrDefault("SLOW_START_MILLIS", "0")));
        }
        @Override
        public void stop() {}
      }
      """;

  @TempDir Path dir;
  Path root;
  Process foreground;

  @AfterEach
  void killNodes() {
    if (foreground != null) {
      foreground.descendants().forEach(ProcessHandle::destroyForcibly);
      foreground.destroyForcibly();
    }
    if (root != null) {
      NodeProcessesOf.root(root).forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void nodeStillStarting_pingExit1_secondStartAndForegroundExit7_stopStopsIt_heldLockRefusesStart()
      throws Exception {
    root = slowRelease();
    Path bin = root.resolve("bin/slow");
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("SLOW_START_MILLIS", "12000");
    Sh sh = new Sh(dir, env);
    ProcessBuilder boot = new ProcessBuilder("dash", bin.toString(), "foreground")
        .redirectOutput(dir.resolve("foreground.out").toFile())
        .redirectError(dir.resolve("foreground.err").toFile());
    boot.environment().clear();
    boot.environment().putAll(env);
    foreground = boot.start();

    Sh.Result ping = awaitChannel(sh, bin);
    assertThat(ping.code()).as(ping.err()).isEqualTo(1);
    assertThat(ping.err()).contains("slow is starting");
    assertThat(root.resolve("tmp/slow.pid")).doesNotExist();

    Sh.Result start = sh.run(bin, "start");
    assertThat(start.code()).as(start.err()).isEqualTo(7);
    assertThat(start.err()).contains("slow is already running (pid " + foreground.pid() + ")");
    assertThat(sh.run(bin, "foreground").code()).isEqualTo(7);

    Sh.Result stop = sh.run(bin, "stop");
    assertThat(stop.code()).as(stop.err()).isZero();
    assertThat(foreground.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(foreground.exitValue()).isZero();
    assertThat(NodeProcessesOf.root(root)).isEmpty();

    // A node between its lock and its channel: no pid file, no socket, only tmp/node.lock held.
    try (FileChannel lockFile = FileChannel.open(root.resolve("tmp/node.lock"), StandardOpenOption.WRITE);
        FileLock held = lockFile.tryLock()) {
      assertThat(held).isNotNull();
      Sh.Result locked = sh.run(bin, "start");
      assertThat(locked.code()).as(locked.err()).isEqualTo(7);
      assertThat(locked.err()).contains("slow is already running or starting (another node holds "
          + root.resolve("tmp/node.lock") + ")");
      assertThat(root.resolve("tmp/slow.pid")).doesNotExist();
      assertThat(NodeProcessesOf.root(root)).isEmpty();
    }
  }

  /** Pings until the channel answers (exit 3 while the JVM has not opened it yet). */
  private static Sh.Result awaitChannel(Sh sh, Path bin) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      Sh.Result ping = sh.run(bin, "ping");
      if (ping.code() != 3 || System.nanoTime() > end) {
        return ping;
      }
      Thread.sleep(100);
    }
  }

  private Path slowRelease() throws Exception {
    Path src = Files.writeString(Files.createDirectories(dir.resolve("src/slow")).resolve("SlowApp.java"),
        SLOW_APP);
    Path jar = TestJars.compiled(src, dir.resolve("classes"), dir.resolve("slow-1.0.jar"),
        "slow.SlowApp");
    new ReleaseBuilder(s -> {}).init(dir.resolve("rel"), "slow");
    KernelInput kernel = KernelJars.fromClassPath(System.getProperty("java.class.path"));
    return new ReleaseBuilder(s -> {}).build(new ReleaseRequest("slow", "1.0", "dev", dir.resolve("rel"),
        dir.resolve("target"), List.of(new AppInput("slow", "1.0", Optional.empty(), List.of(jar), List.of(),
            Optional.of(EntryPoints.detect(jar, Optional.empty())))), kernel, Optional.empty())).releaseDir();
  }
}

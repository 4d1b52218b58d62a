package dev.molt.kernel;

import static dev.molt.kernel.testing.JarBuilder.jar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.control.ControlClient;
import dev.molt.control.NodeNotRunningException;
import dev.molt.control.Request;
import dev.molt.control.Response;
import dev.molt.kernel.testing.AppSources;
import dev.molt.kernel.testing.KernelProcess;
import dev.molt.kernel.testing.ReleaseRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's own guards, in real kernel JVMs: one node per release root, a control channel that
 * answers while the apps start, deadlines on app callbacks, and restart refused for a main app.
 */
class NodeHardeningIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** An app whose callbacks take as long as its config says, ignoring interrupts (stuck code). */
  static final String SLOW = """
      package slow;
      import dev.molt.api.*;
      public class Slow implements Application {
        private ApplicationContext context;
        public void start(ApplicationContext c) {
          context = c;
          hang(c.config().get("startMillis").orElse("0"));
          rec.Events.log("started " + c.name());
        }
        public void stop() {
          hang(context.config().get("stopMillis").orElse("0"));
          rec.Events.log("stopped " + context.name());
        }
        public void configChanged(Config config, java.util.Set<String> keys) {
          hang(config.get("configMillis").orElse("0"));
        }
        static void hang(String millis) {
          long end = System.currentTimeMillis() + Long.parseLong(millis);
          while (System.currentTimeMillis() < end) {
            try {
              Thread.sleep(20);
            } catch (InterruptedException e) {
              // stuck code does not care
            }
          }
        }
      }
      """;

  @TempDir static Path build;
  static Path slowJar;
  static Path mainJar;

  @TempDir Path root;
  private final List<KernelProcess> kernels = new ArrayList<>();

  @BeforeAll
  static void buildJars() throws Exception {
    slowJar = jar(build, "slow/slow.jar").source("rec.Events", AppSources.EVENTS)
        .source("slow.Slow", SLOW).build();
    mainJar = jar(build, "main/plain.jar").source("plain.Main", AppSources.PLAIN_MAIN).build();
  }

  @AfterEach
  void destroy() {
    kernels.forEach(KernelProcess::close);
  }

  @Test
  void secondBoot_whileTheFirstIsStillStarting_exits7AndStartsNothing() throws Exception {
    release("{\"slow\": {\"startMillis\": \"4000\"}}");
    KernelProcess first = boot();
    Path socket = root.resolve("tmp/node.sock");
    assertThat(first.awaitFile(socket, TIMEOUT)).as(first.stderr()).isTrue();
    Response ping = callOnceListening(socket, "ping");
    assertThat(ping.exitCode()).as("ping while the apps start").isEqualTo(1);
    assertThat(ping.error()).contains("node is starting");

    KernelProcess second = boot();
    assertThat(second.awaitExit(TIMEOUT)).as(second.stderr()).isEqualTo(Main.ALREADY_RUNNING);
    assertThat(second.stderr()).contains("another node of " + root + " is running or starting",
        "tmp/node.lock");
    assertThat(first.awaitFile(root.resolve("tmp/node.pid"), TIMEOUT)).as(first.stderr()).isTrue();
    assertThat(events()).containsExactly("started slow");
    assertThat(call(socket, "ping").output()).isEqualTo("pong\n");
  }

  @Test
  void appStartOverrunningItsDeadline_bootFailsNamingTheAppAndTheCallback() throws Exception {
    release("{\"slow\": {\"startMillis\": \"30000\"}}");
    KernelProcess kernel = boot("-Dmolt.app.timeout=1");
    assertThat(kernel.awaitExit(Duration.ofSeconds(15))).as(kernel.stderr()).isEqualTo(1);
    assertThat(kernel.stderr()).contains("slow 1.0: start did not return within 1 s",
        "molt.app.timeout", "MOLT_APP_TIMEOUT");
  }

  @Test
  void configChangedThatHangs_reportedAfterItsDeadline_andDoesNotHoldUpSigterm() throws Exception {
    release("{\"slow\": {\"greeting\": \"hi\"}}");
    KernelProcess kernel = boot("-Dmolt.app.timeout=2");
    assertThat(kernel.awaitFile(root.resolve("tmp/node.pid"), TIMEOUT)).as(kernel.stderr()).isTrue();
    Files.writeString(root.resolve("releases/1.0/config.json"),
        "{\"slow\": {\"greeting\": \"hello\", \"configMillis\": \"60000\"}}");
    Path socket = root.resolve("tmp/node.sock");
    CompletableFuture<Response> reload = CompletableFuture.supplyAsync(() -> {
      try {
        return call(socket, "reload_config");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Response reloaded = reload.get(20, TimeUnit.SECONDS);
    assertThat(reloaded.exitCode()).isEqualTo(1);
    assertThat(reloaded.error()).contains("slow 1.0: configChanged did not return within 2 s");

    kernel.process().destroy(); // SIGTERM, while that configChanged still hangs
    assertThat(kernel.awaitExit(Duration.ofSeconds(15))).as(kernel.stderr()).isZero();
    assertThat(events()).containsExactly("started slow", "stopped slow");
  }

  @Test
  void appStopOverrunningItsDeadline_reportedAndTheNodeStillExits() throws Exception {
    release("{\"slow\": {\"stopMillis\": \"60000\"}}");
    KernelProcess kernel = boot("-Dmolt.app.timeout=1");
    assertThat(kernel.awaitFile(root.resolve("tmp/node.pid"), TIMEOUT)).as(kernel.stderr()).isTrue();
    kernel.process().destroy();
    assertThat(kernel.awaitExit(Duration.ofSeconds(15))).as(kernel.stderr()).isZero();
    assertThat(kernel.stderr()).contains("app slow 1.0 failed to stop:",
        "slow 1.0: stop did not return within 1 s");
    assertThat(root.resolve("tmp/node.pid")).doesNotExist();
  }

  @Test
  void restart_ofANodeWithAPlainMain_refusedSayingReboot() throws Exception {
    Path events = root.resolve("events.txt");
    ReleaseRoot.at(root, "node", "1.0").main("plain", mainJar, "plain.Main").write();
    KernelProcess kernel = KernelProcess.boot(root, "1.0", Map.of("EVENTS", events.toString()));
    kernels.add(kernel);
    assertThat(kernel.awaitFile(root.resolve("tmp/node.pid"), TIMEOUT)).as(kernel.stderr()).isTrue();
    Response restart = call(root.resolve("tmp/node.sock"), "restart");
    assertThat(restart.exitCode()).isNotZero();
    assertThat(restart.error()).startsWith("molt: restart refused: app plain 1.0 runs a plain main method")
        .contains("bin/node reboot").doesNotContain("Exception");
    assertThat(restart.exitCode()).isEqualTo(1);
    Thread.sleep(500); // a second main, had it started, writes its line by now
    assertThat(Files.readAllLines(events)).hasSize(1);
  }

  private void release(String config) throws Exception {
    ReleaseRoot.at(root, "node", "1.0").application("slow", slowJar, "slow.Slow").config(config)
        .write();
  }

  private KernelProcess boot(String... jvmArgs) throws Exception {
    KernelProcess kernel = KernelProcess.boot(root, "1.0",
        Map.of("EVENTS", root.resolve("events.txt").toString()), jvmArgs);
    kernels.add(kernel);
    return kernel;
  }

  private List<String> events() throws Exception {
    Path file = root.resolve("events.txt");
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  /** {@link #call}, again while the socket file exists but is not listening yet (bind, then listen). */
  private static Response callOnceListening(Path socket, String command) throws Exception {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      try {
        return call(socket, command);
      } catch (NodeNotRunningException e) {
        if (System.nanoTime() > end) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }

  private static Response call(Path socket, String command) throws Exception {
    try (ControlClient client = ControlClient.connect(socket,
        "kernel-test-cookie".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10))) {
      return client.call(new Request(command, List.of(), Optional.empty()));
    }
  }
}

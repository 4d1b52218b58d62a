package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.FixtureReleases;
import dev.molt.e2e.support.HttpLoad;
import dev.molt.e2e.support.Releases;
import dev.molt.e2e.support.UpgradeReleases;
import dev.molt.format.Formats;
import dev.molt.format.InstalledRelease;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.ReleaseState;
import dev.molt.format.TrialCheck;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code main} app (plain_app: a class with main, no dev.molt.api) through bin/plain_app:
 * 1.0.0 -> 1.1.0, a body-only change, redefined live under HTTP load; 1.1.0 -> 1.2.0, a
 * structural change, through {@code restart_jvm} (the node stops and boots 1.2.0, which finishes
 * the upgrade) and back; and a restart_jvm upgrade whose new release fails (its post_upgrade hook,
 * or its boot) coming back to the old release with exit 11. 1.1.0 has a trial (its /health for
 * 2 s): passing, it becomes permanent; failing (a URL it answers 404), the node moves back live.
 */
class PlainAppUpgradeIT {
  private static Path v100;
  private static Path v110;
  private static Path v120;

  @TempDir Path dir;
  private Node node;
  private int port;

  @BeforeAll
  static void releases() throws Exception {
    v100 = FixtureReleases.PLAIN_APP.build("1.0.0", List.of());
    v110 = FixtureReleases.PLAIN_APP.build("1.1.0", List.of(v100));
    v120 = FixtureReleases.PLAIN_APP.build("1.2.0", List.of(v110));
  }

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private void start(Path release) {
    node = new Node(Releases.copy(release, dir.resolve("plain_app")), "plain_app");
    port = Ports.free();
    node.startAndAwait(port);
  }

  /** bin/plain_app with PORT: a restart_jvm upgrade boots the new JVM in this environment. */
  private CommandResult run(String... args) {
    return node.run(Node.envWithPort(port), args);
  }

  private InstalledRelease state(String version) throws Exception {
    return Formats.readReleases(node.root().resolve("releases/RELEASES.json")).release(version)
        .orElseThrow(() -> new AssertionError(version + " not in RELEASES.json"));
  }

  private static int requests(int port) {
    return Integer.parseInt(Http.get(port, "/stats").body().replaceAll("\\D+", ""));
  }

  @Test
  void bodyOnlyChange_isRedefinedLive_underLoad_noRequestFails_counterSurvives()
      throws Exception {
    start(v100);
    UpgradeReleases.install(v110, "1.1.0", node.root());
    assertThat(Http.get(port, "/hello").body()).isEqualTo("hello from plain_app 1.0.0");
    CommandResult plan = run("plan", "1.1.0");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.stdout()).contains("redefine plain_app: PlainHandler")
        .doesNotContain("restart_jvm");

    try (HttpLoad load = HttpLoad.start(port)) {
      load.awaitMore(50, Node.TIMEOUT);
      int before = requests(port);
      CommandResult up = run("upgrade", "1.1.0");
      System.out.println(up.stdout());
      assertThat(up.exitCode()).as(up.toString()).isZero();
      assertThat(up.stdout()).containsPattern("ok +redefine plain_app: PlainHandler \\(\\d+ ms\\)")
          .containsPattern("ok +trial: http http://127\\.0\\.0\\.1:\\$\\{PORT\\}/health for 2 s")
          .contains("plain_app 1.1.0 is running, permanent");
      load.awaitMore(50, Node.TIMEOUT);
      assertThat(Http.get(port, "/hello").body()).isEqualTo("hello again, from plain_app 1.1.0");
      assertThat(requests(port)).as("the counter of the handler instance survives")
          .isGreaterThan(before + 50);
      load.stop();
      assertThat(load.failures()).as("failed requests during the upgrade").isEmpty();
    }
    assertThat(state("1.1.0").state()).isEqualTo(ReleaseState.PERMANENT);
    assertThat(state("1.0.0").state()).isEqualTo(ReleaseState.OLD);
  }

  @Test
  void failingTrial_movesBackLive_underLoad_noRequestFails_exit18() throws Exception {
    start(v100);
    UpgradeReleases.install(v110, "1.1.0", node.root());
    Path releaseFile = node.root().resolve("releases/1.1.0/release.json");
    ReleaseDescriptor d = Formats.readRelease(releaseFile);
    // 1.1.0 has no /missing: its health check answers 404
    Formats.writeRelease(releaseFile, new ReleaseDescriptor(d.name(), d.version(),
        d.environment(), d.kernel(), d.runtime(), d.apps(), d.commands(), Optional.of(
            new TrialCheck(TrialCheck.Kind.HTTP, "http://127.0.0.1:${PORT}/missing", 2, 200))));

    try (HttpLoad load = HttpLoad.start(port)) {
      load.awaitMore(50, Node.TIMEOUT);
      CommandResult up = run("upgrade", "1.1.0");
      System.out.println(up.stdout() + up.stderr());
      assertThat(up.exitCode()).as(up.toString()).isEqualTo(18);
      assertThat(up.stderr()).contains("failed its trial and was moved back live",
          "the node runs 1.0.0, permanent as before", "/missing answered 404")
          .containsPattern("FAILED +trial: http")
          .contains("moved back to 1.0.0:");
      load.awaitMore(50, Node.TIMEOUT);
      assertThat(Http.get(port, "/hello").body()).isEqualTo("hello from plain_app 1.0.0");
      load.stop();
      assertThat(load.failures()).as("failed requests during the upgrade and back").isEmpty();
    }
    assertThat(state("1.0.0").state()).isEqualTo(ReleaseState.PERMANENT);
    assertThat(state("1.1.0").state()).isEqualTo(ReleaseState.UNPACKED);
    assertThat(run("releases").stdout()).containsPattern("1\\.0\\.0 +permanent +running")
        .containsPattern("1\\.1\\.0 +unpacked\\s");
    assertThat(node.root().resolve("releases/upgrade.journal.json")).doesNotExist();
  }

  @Test
  void structuralChange_upgradesThroughRestartJvm_thenDowngradesTheSameWay() throws Exception {
    start(v110);
    UpgradeReleases.install(v120, "1.2.0", node.root());
    long oldPid = node.pidFromFile().orElseThrow();
    CommandResult plan = run("plan", "1.2.0");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.stdout()).contains("pre_upgrade hooks", "restart_jvm (app plain_app is"
        + " started by main");

    CommandResult up = run("upgrade", "1.2.0");
    System.out.println(up.stdout());

    assertThat(up.exitCode()).as(up.toString() + "\n--- log\n" + node.log()).isZero();
    assertThat(up.stdout()).contains("plain_app restarts into 1.2.0", "plain_app stopped",
            "plain_app 1.2.0 started").containsPattern("ok +post_upgrade hooks \\(\\d+ ms\\)")
        .endsWith("plain_app 1.2.0 is running, permanent\n");
    assertThat(node.pidFromFile().orElseThrow()).isNotEqualTo(oldPid);
    assertThat(Http.get(port, "/uptime").statusCode()).isEqualTo(200);
    assertThat(Http.get(port, "/hello").body()).contains("plain_app 1.2.0");
    assertThat(run("releases").stdout()).containsPattern("1\\.2\\.0 +permanent +running")
        .containsPattern("1\\.1\\.0 +old\\s");
    assertThat(node.root().resolve("releases/upgrade.journal.json")).doesNotExist();
    assertThat(node.root().resolve("releases/BOOT_ONCE")).doesNotExist();
    assertThat(node.log()).contains("finishing the upgrade 1.1.0 -> 1.2.0 (restart_jvm)");

    CommandResult down = run("downgrade", "1.1.0");

    assertThat(down.exitCode()).as(down.toString() + "\n--- log\n" + node.log()).isZero();
    assertThat(down.stdout()).contains("plain_app restarts into 1.1.0")
        .containsPattern("ok +trial: http http://127\\.0\\.0\\.1:\\$\\{PORT\\}/health")
        .endsWith("plain_app 1.1.0 is running, permanent\n");
    assertThat(Http.get(port, "/uptime").statusCode()).isEqualTo(404);
    assertThat(Http.get(port, "/hello").body()).isEqualTo("hello again, from plain_app 1.1.0");
    assertThat(run("releases").stdout()).containsPattern("1\\.1\\.0 +permanent +running")
        .containsPattern("1\\.2\\.0 +old\\s");
    assertThat(node.root().resolve("releases/upgrade.journal.json")).doesNotExist();
  }

  @Test
  void restartJvm_trialUpgrade_isCurrent_andAStartBootsThePermanentOne() throws Exception {
    start(v110);
    UpgradeReleases.install(v120, "1.2.0", node.root());

    CommandResult up = run("upgrade", "1.2.0", "--trial");

    assertThat(up.exitCode()).as(up.toString() + "\n--- log\n" + node.log()).isZero();
    assertThat(up.stdout()).endsWith("plain_app 1.2.0 is running, current\n");
    assertThat(state("1.1.0").state()).isEqualTo(ReleaseState.PERMANENT);
    assertThat(state("1.2.0").state()).isEqualTo(ReleaseState.CURRENT);
    CommandResult reboot = run("reboot");
    assertThat(reboot.exitCode()).as(reboot.toString()).isZero();
    assertThat(reboot.stdout()).contains("plain_app 1.1.0 started");
    assertThat(state("1.2.0").state()).isEqualTo(ReleaseState.UNPACKED);
  }

  @Test
  void restartJvm_withAPassingRpcTrial_becomesPermanent() throws Exception {
    start(v110);
    UpgradeReleases.install(v120, "1.2.0", node.root());
    withTrial("1.2.0", new TrialCheck(TrialCheck.Kind.RPC,
        "plain_app dev.molt.fixtures.plain.PlainMain.healthy", 1, 200));

    CommandResult up = run("upgrade", "1.2.0");

    assertThat(up.exitCode()).as(up.toString() + "\n--- log\n" + node.log()).isZero();
    assertThat(up.stdout()).containsPattern("ok +trial: rpc plain_app"
        + " dev.molt.fixtures.plain.PlainMain.healthy for 1 s")
        .endsWith("plain_app 1.2.0 is running, permanent\n");
    assertThat(state("1.2.0").state()).isEqualTo(ReleaseState.PERMANENT);
    assertThat(state("1.1.0").state()).isEqualTo(ReleaseState.OLD);
  }

  @Test
  void restartJvm_withAFailingHookTrial_comesBackToTheOldRelease_exit18() throws Exception {
    start(v110);
    UpgradeReleases.install(v120, "1.2.0", node.root());
    hook("trial", "health.sh", "echo \"$MOLT_UPGRADE_FROM -> $RELEASE_VSN unhealthy\"\nexit 1\n");
    withTrial("1.2.0", new TrialCheck(TrialCheck.Kind.HOOK, "health.sh", 1, 200));

    CommandResult up = run("upgrade", "1.2.0");

    assertThat(up.exitCode()).as(up.toString() + "\n--- log\n" + node.log()).isEqualTo(18);
    assertThat(up.stderr()).contains("failed its trial in the new JVM",
        "1.1.0 -> 1.2.0 unhealthy", "rolled back by a restart", "runs 1.1.0")
        .containsPattern("FAILED +trial: hook health.sh");
    assertServesOld();
  }

  @Test
  void restartJvm_newJvmKilledBeforeItCommits_nodeComesBackToThePermanentRelease_exit11()
      throws Exception {
    start(v110);
    UpgradeReleases.install(v120, "1.2.0", node.root());
    long oldPid = node.pidFromFile().orElseThrow();
    Path started = node.root().resolve("tmp/post_upgrade.started");
    Path release = node.root().resolve("tmp/post_upgrade.release");
    // bounded (30 s) and without a long-lived child, so nothing outlives the test
    hook("post_upgrade", "10-hang.sh", "touch \"" + started + "\"\ni=0\n"
        + "while [ $i -lt 300 ] && [ ! -f \"" + release + "\" ]; do sleep 0.1; i=$((i+1)); done\n");
    CompletableFuture<CommandResult> upgrade = CompletableFuture.supplyAsync(
        () -> run("upgrade", "1.2.0"));
    CommandResult up;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(started) && System.nanoTime() < deadline && !upgrade.isDone()) {
        Thread.sleep(20);
      }
      assertThat(started).as("the new JVM runs post_upgrade").exists();
      long newPid = node.pidFromFile().orElseThrow();
      assertThat(newPid).isNotEqualTo(oldPid);
      ProcessHandle.of(newPid).ifPresent(ProcessHandle::destroyForcibly);
      up = upgrade.get(Node.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } finally {
      Files.writeString(release, "");
    }

    assertThat(up.exitCode()).as(up.toString() + "\n--- log\n" + node.log()).isEqualTo(11);
    assertThat(up.stderr()).contains("rolled back by a restart", "runs 1.1.0");
    assertThat(node.log()).contains("upgrade 1.1.0 -> 1.2.0 was interrupted (phase post_upgrade",
        "the node booted 1.1.0");
    assertServesOld();
  }

  /** Gives the installed release {@code version} a trial (release.json, as molt.json would). */
  private void withTrial(String version, TrialCheck check) throws Exception {
    Path releaseFile = node.root().resolve("releases").resolve(version).resolve("release.json");
    ReleaseDescriptor d = Formats.readRelease(releaseFile);
    Formats.writeRelease(releaseFile, new ReleaseDescriptor(d.name(), d.version(),
        d.environment(), d.kernel(), d.runtime(), d.apps(), d.commands(), Optional.of(check)));
  }

  @Test
  void restartJvm_failingPostUpgradeHook_comesBackToTheOldRelease_exit11() throws Exception {
    start(v110);
    UpgradeReleases.install(v120, "1.2.0", node.root());
    hook("post_upgrade", "10-check.sh", "echo \"$MOLT_UPGRADE_FROM $MOLT_UPGRADE_TO"
        + " $MOLT_UPGRADE_DIRECTION\" > \"$RELEASE_ROOT/tmp/hook.env\"\n"
        + "echo health check failed\nexit 3\n");

    CommandResult up = run("upgrade", "1.2.0");

    assertThat(up.exitCode()).as(up.toString() + "\n--- log\n" + node.log()).isEqualTo(11);
    assertThat(up.stderr()).contains("failed in the new JVM", "post_upgrade hook", "exit 3",
        "health check failed", "rolled back by a restart", "runs 1.1.0");
    assertThat(Files.readString(node.root().resolve("tmp/hook.env")).trim())
        .isEqualTo("1.1.0 1.2.0 up");
    assertServesOld();
  }

  @Test
  void restartJvm_newReleaseThatDoesNotBoot_comesBackToTheOldRelease_exit11() throws Exception {
    start(v110);
    UpgradeReleases.install(v120, "1.2.0", node.root());
    Files.writeString(node.root().resolve("releases/1.2.0/jvm.options"),
        "-XX:+ThisOptionDoesNotExist\n", StandardOpenOption.APPEND);

    CommandResult up = run("upgrade", "1.2.0");

    assertThat(up.exitCode()).as(up.toString() + "\n--- log\n" + node.log()).isEqualTo(11);
    assertThat(up.stderr()).contains("1.2.0 did not boot", "rolled back by a restart",
        "runs 1.1.0");
    assertServesOld();
    assertThat(node.log()).contains("1.2.0 did not come up");
  }

  private void assertServesOld() throws Exception {
    assertThat(Http.get(port, "/hello").body()).isEqualTo("hello again, from plain_app 1.1.0");
    assertThat(Http.get(port, "/uptime").statusCode()).isEqualTo(404);
    assertThat(state("1.1.0").state()).isEqualTo(ReleaseState.PERMANENT);
    assertThat(state("1.2.0").state()).isEqualTo(ReleaseState.UNPACKED);
    assertThat(run("releases").stdout()).containsPattern("1\\.1\\.0 +permanent +running")
        .containsPattern("1\\.2\\.0 +unpacked\\s");
    assertThat(node.root().resolve("releases/upgrade.journal.json")).doesNotExist();
    assertThat(node.root().resolve("releases/BOOT_ONCE")).doesNotExist();
  }

  private void hook(String phase, String name, String body) throws Exception {
    Path hooks = Files.createDirectories(node.root().resolve("releases/1.2.0/hooks")
        .resolve(phase));
    Path script = hooks.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}

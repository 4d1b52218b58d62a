package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.HttpLoad;
import dev.molt.e2e.support.Releases;
import dev.molt.e2e.support.SharedBookRelease;
import dev.molt.e2e.support.UpgradeReleases;
import dev.molt.format.Formats;
import dev.molt.format.InstalledRelease;
import dev.molt.format.Instruction;
import dev.molt.format.ReleaseState;
import dev.molt.format.Relup;
import dev.molt.format.RelupPlan;
import dev.molt.format.RelupStep;
import dev.molt.format.UpgradeFormats;
import dev.molt.format.UpgradeJournal;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live upgrades of a running book_app node through bin/book_app: 0.1.0 -> 0.2.0 (a redefine) and
 * back under HTTP load, a JVM killed mid-upgrade, rollback on a failing post_upgrade hook,
 * 0.2.0 -> 0.3.0 (an {@code update}, state migrated) and back under load from three
 * clients, refusals at check (a redefine that is not body-only), a trial, a second
 * upgrade while one runs. {@link AppStepsUpgradeIT} has the steps that restart, add and remove
 * applications.
 */
class LiveUpgradeIT {
  /** The 404 body of 0.2.0's BookHandler; 0.1.0's says only "no route /nope". */
  private static final String NEW_404 = "try /books, /stats or /health";
  private static Path v1;
  private static Path v2;
  private static Path v3;

  @TempDir Path dir;
  private Node node;

  @BeforeAll
  static void releases() throws Exception {
    v1 = SharedBookRelease.get().releaseDir();
    v2 = UpgradeReleases.v020();
    v3 = UpgradeReleases.v030();
  }

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private int startWith02Installed() {
    node = new Node(Releases.copy(v1, dir.resolve("book_app")), "book_app");
    int port = Ports.free();
    node.startAndAwait(port);
    UpgradeReleases.install(v2, "0.2.0", node.root());
    return port;
  }

  private CommandResult run(String... args) {
    return node.run(Node.env(Map.of()), args);
  }

  private InstalledRelease state(String version) throws Exception {
    return Formats.readReleases(node.root().resolve("releases/RELEASES.json")).release(version)
        .orElseThrow(() -> new AssertionError(version + " not in RELEASES.json"));
  }

  @Test
  void upgradeThenDowngrade_underLoad_noRequestFails_booksAndCounterSurvive() throws Exception {
    int port = startWith02Installed();
    assertThat(Http.postForm(port, "/books", "title=Dune&author=Frank+Herbert").statusCode())
        .isEqualTo(201);
    assertThat(Http.get(port, "/nope").body()).doesNotContain(NEW_404);
    CommandResult plan = run("plan", "0.2.0");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.stdout()).contains("redefine book_app: BookHandler, PlainContext",
        "post_upgrade hooks", "point_of_no_return");

    try (HttpLoad load = HttpLoad.start(port)) {
      load.awaitMore(50, Node.TIMEOUT);
      CommandResult up = run("upgrade", "0.2.0");
      System.out.println(up.stdout()); // the steps and their times, for the build log
      assertThat(up.exitCode()).as(up.toString()).isZero();
      assertThat(up.stdout()).containsPattern("ok +redefine book_app: BookHandler, PlainContext"
          + " \\(\\d+ ms\\)").contains("book_app 0.2.0 is running, permanent");
      load.awaitMore(50, Node.TIMEOUT);
      assertThat(Http.get(port, "/nope").body()).contains(NEW_404);
      assertThat(state("0.2.0").state()).isEqualTo(ReleaseState.PERMANENT);
      assertThat(state("0.1.0").state()).isEqualTo(ReleaseState.OLD);
      assertThat(run("releases").stdout()).containsPattern("0\\.2\\.0 +permanent +running")
          .containsPattern("0\\.1\\.0 +old\\s");
      assertThat(run("describe").stdout()).contains("loaded release: 0.2.0");
      long requestsAfterUp = requests(port);

      CommandResult down = run("downgrade", "0.1.0");
      assertThat(down.exitCode()).as(down.toString()).isZero();
      assertThat(down.stdout()).contains("book_app 0.1.0 is running, permanent");
      load.awaitMore(50, Node.TIMEOUT);
      assertThat(Http.get(port, "/nope").body()).doesNotContain(NEW_404).contains("no route");
      assertThat(requests(port)).isGreaterThan(requestsAfterUp);
      assertThat(run("releases").stdout()).containsPattern("0\\.1\\.0 +permanent +running")
          .containsPattern("0\\.2\\.0 +old\\s");
      load.stop();
      assertThat(load.failures()).as("failed requests during the upgrades").isEmpty();
      assertThat(load.succeeded()).isGreaterThan(150);
    }
    assertThat(Http.get(port, "/books").body()).contains("Dune");
    assertThat(node.root().resolve("releases/upgrade.journal.json")).doesNotExist();
  }

  /** The counter's total: {@code "requests"} of /stats, in every version. */
  private static long requests(int port) {
    String body = Http.get(port, "/stats").body();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"requests\":(\\d+)")
        .matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void failingPostUpgradeHook_rollsBack_nodeServesOldRelease_releasesTellsTheTruth()
      throws Exception {
    int port = startWith02Installed();
    hook("post_upgrade", "10-check.sh", "echo \"$MOLT_UPGRADE_FROM $MOLT_UPGRADE_TO"
        + " $MOLT_UPGRADE_DIRECTION\" > \"$RELEASE_ROOT/tmp/hook.env\"\n"
        + "echo health check failed\nexit 3\n");

    CommandResult up = run("upgrade", "0.2.0");

    assertThat(up.exitCode()).as(up.toString()).isEqualTo(11);
    assertThat(up.stderr()).contains("rolled back", "the node runs 0.1.0", "post_upgrade hook",
        "exit 3", "health check failed").containsPattern("undone +redefine book_app");
    assertThat(Files.readString(node.root().resolve("tmp/hook.env")).trim())
        .isEqualTo("0.1.0 0.2.0 up");
    assertThat(Http.get(port, "/nope").body()).doesNotContain(NEW_404);
    assertThat(state("0.1.0").state()).isEqualTo(ReleaseState.PERMANENT);
    assertThat(state("0.2.0").state()).isEqualTo(ReleaseState.UNPACKED);
    assertThat(run("releases").stdout()).containsPattern("0\\.1\\.0 +permanent +running")
        .containsPattern("0\\.2\\.0 +unpacked\\s");
    assertThat(run("describe").stdout()).contains("loaded release: 0.1.0");
    assertThat(node.root().resolve("releases/upgrade.journal.json")).doesNotExist();
  }

  @Test
  void update_02to03AndBack_underLoadFromThreeClients_stateMigratedBothWays_oldUnitCollected()
      throws Exception {
    int port = startWith02Installed();
    assertThat(run("upgrade", "0.2.0").exitCode()).isZero();
    UpgradeReleases.install(v3, "0.3.0", node.root());
    assertThat(Http.postForm(port, "/books", "title=Dune&author=Frank+Herbert").statusCode())
        .isEqualTo(201);
    List<HttpLoad> loads = List.of(HttpLoad.start(port), HttpLoad.start(port),
        HttpLoad.start(port));
    try {
      loads.forEach(l -> l.awaitMore(30, Node.TIMEOUT));
      long before = requests(port);

      CommandResult up = run("upgrade", "0.3.0");

      System.out.println(up.stdout()); // the steps and their times, for the build log
      assertThat(up.exitCode()).as(up.toString()).isZero();
      assertThat(up.stdout()).containsPattern("ok +update book_app: BookService 0\\.2\\.0 ->"
          + " 0\\.3\\.0 \\(unit dev\\.molt\\.fixtures\\.book\\.service, BookServiceMigration\\),"
          + " callers paused \\d+ ms \\(\\d+ ms\\)")
          .containsPattern("ok +purge book_app: old class loader collected")
          .contains("book_app 0.3.0 is running, permanent");
      loads.forEach(l -> l.awaitMore(30, Node.TIMEOUT));
      String stats = Http.get(port, "/stats").body();
      // 0.3.0 counts per path; what 0.2.0 counted sits under the migration's key for no path
      long carried = count(stats, "\\(before 0\\.3\\.0\\)");
      assertThat(carried).as(stats).isGreaterThanOrEqualTo(before);
      assertThat(count(stats, "/stats")).as(stats).isPositive();
      assertThat(requests(port)).isGreaterThan(carried);
      assertThat(run("releases").stdout()).containsPattern("0\\.3\\.0 +permanent +running")
          .containsPattern("0\\.2\\.0 +old\\s");
      long beforeDown = requests(port);

      CommandResult down = run("downgrade", "0.2.0");

      System.out.println(down.stdout());
      assertThat(down.exitCode()).as(down.toString()).isZero();
      assertThat(down.stdout()).containsPattern("ok +update book_app: BookService 0\\.3\\.0 ->"
          + " 0\\.2\\.0 [^\\n]*callers paused \\d+ ms")
          .containsPattern("ok +purge book_app: old class loader collected")
          .contains("book_app 0.2.0 is running, permanent");
      loads.forEach(l -> l.awaitMore(30, Node.TIMEOUT));
      String after = Http.get(port, "/stats").body();
      assertThat(after).as("0.2.0's single counter again").doesNotContain("paths");
      assertThat(requests(port)).as("the per-path counts summed back").isGreaterThan(beforeDown);
      assertThat(run("releases").stdout()).containsPattern("0\\.2\\.0 +permanent +running")
          .containsPattern("0\\.3\\.0 +old\\s");
    } finally {
      loads.forEach(HttpLoad::stop);
    }
    long served = 0;
    for (HttpLoad load : loads) {
      assertThat(load.failures()).as("failed requests during the update and back").isEmpty();
      served += load.succeeded();
    }
    assertThat(requests(port)).as("every request the clients made was counted once")
        .isGreaterThanOrEqualTo(served);
    assertThat(Http.get(port, "/books").body()).contains("Dune");
    assertThat(Http.get(port, "/nope").body()).contains(NEW_404);
  }

  private static long count(String stats, String pathRegex) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("\"" + pathRegex + "\":(\\d+)").matcher(stats);
    return m.find() ? Long.parseLong(m.group(1)) : 0L;
  }

  @Test
  void redefineOfAStructuralChange_handEditedIntoTheRelup_isRefusedAtCheck() throws Exception {
    startWith02Installed();
    assertThat(run("upgrade", "0.2.0").exitCode()).isZero();
    UpgradeReleases.install(v3, "0.3.0", node.root());
    Path relupFile = node.root().resolve("releases/0.3.0/relup.json");
    Relup relup = UpgradeFormats.readRelup(relupFile);
    // what a hand edit could do: ask for a redefine where the compiler said update
    List<RelupPlan> up = relup.up().stream().map(p -> new RelupPlan(p.version(), p.steps().stream()
        .map(st -> st.instruction() instanceof Instruction.Update u
            ? RelupStep.of(st.app().orElseThrow(), new Instruction.Redefine(List.of(u.service())))
            : st).toList())).toList();
    UpgradeFormats.writeRelup(relupFile,
        new Relup(relup.release(), relup.version(), up, relup.down()));

    CommandResult plan = run("plan", "0.3.0");

    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(10);
    assertThat(plan.stderr()).contains("dev.molt.fixtures.book.service.BookService changes more than"
        + " method bodies", "update or restart_application");
    assertThat(run("describe").stdout()).contains("loaded release: 0.2.0");
  }

  @Test
  void secondUpgradeWhileOneRuns_isRefusedWithItsOwnExitCode() throws Exception {
    startWith02Installed();
    Path started = node.root().resolve("tmp/pre_upgrade.started");
    hook("pre_upgrade", "10-slow.sh", "touch \"" + started + "\"\nsleep 3\n");

    CompletableFuture<CommandResult> first = CompletableFuture.supplyAsync(
        () -> run("upgrade", "0.2.0"));
    awaitFile(started, first);
    CommandResult second = run("upgrade", "0.2.0");

    assertThat(second.exitCode()).as(second.toString()).isEqualTo(13);
    assertThat(second.stderr()).contains("another upgrade or downgrade is running");
    CommandResult firstResult = first.get(Node.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(firstResult.exitCode()).as(firstResult.toString()).isZero();
    assertThat(state("0.2.0").state()).isEqualTo(ReleaseState.PERMANENT);
  }

  @Test
  void jvmKilledMidUpgrade_nextStartBootsThePermanentRelease_andClearsTheJournal()
      throws Exception {
    int port = startWith02Installed();
    Path started = node.root().resolve("tmp/post_upgrade.started");
    Path release = node.root().resolve("tmp/post_upgrade.release");
    // bounded (30 s) and without a long-lived child, so nothing outlives the test
    hook("post_upgrade", "10-hang.sh", "touch \"" + started + "\"\ni=0\n"
        + "while [ $i -lt 300 ] && [ ! -f \"" + release + "\" ]; do sleep 0.1; i=$((i+1)); done\n");
    long pid = node.pidFromFile().orElseThrow();
    CompletableFuture<CommandResult> upgrade = CompletableFuture.supplyAsync(
        () -> run("upgrade", "0.2.0"));
    try {
      awaitFile(started, upgrade);
      assertThat(Http.get(port, "/nope").body()).as("redefined before post_upgrade")
          .contains(NEW_404);
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      CommandResult lost = upgrade.get(Node.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(lost.exitCode()).as("the connection broke: exit 5 (docs/commands.md): %s", lost).isEqualTo(5);
    } finally {
      Files.writeString(release, "");
    }
    assertThat(Formats.readJournal(node.root().resolve("releases/upgrade.journal.json")).phase())
        .as("the journal a killed JVM leaves").isEqualTo(UpgradeJournal.Phase.POST_UPGRADE);

    int second = Ports.free();
    node.startAndAwait(second);

    assertThat(node.log()).contains("upgrade 0.1.0 -> 0.2.0 was interrupted (phase post_upgrade",
        "the node booted 0.1.0");
    assertThat(node.root().resolve("releases/upgrade.journal.json")).doesNotExist();
    assertThat(Http.get(second, "/nope").body()).doesNotContain(NEW_404);
    assertThat(state("0.1.0").state()).isEqualTo(ReleaseState.PERMANENT);
    assertThat(state("0.2.0").state()).isEqualTo(ReleaseState.UNPACKED);
  }

  @Test
  void trialUpgrade_isCurrent_rebootGoesBackToPermanent_makePermanentKeepsIt() throws Exception {
    int port = startWith02Installed();
    CommandResult up = run("upgrade", "0.2.0", "--trial");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.stdout()).contains("book_app 0.2.0 is running, current");
    assertThat(state("0.1.0").state()).isEqualTo(ReleaseState.PERMANENT);

    CommandResult reboot = node.run(Node.envWithPort(port), "reboot");
    assertThat(reboot.exitCode()).as(reboot.toString()).isZero();
    assertThat(reboot.stdout()).contains("book_app 0.1.0 started");
    assertThat(run("releases").stdout()).containsPattern("0\\.1\\.0 +permanent +running")
        .containsPattern("0\\.2\\.0 +unpacked\\s");

    assertThat(run("upgrade", "0.2.0", "--trial").exitCode()).isZero();
    CommandResult keep = run("make_permanent", "0.2.0");
    assertThat(keep.exitCode()).as(keep.toString()).isZero();
    assertThat(state("0.2.0").state()).isEqualTo(ReleaseState.PERMANENT);
    assertThat(state("0.1.0").state()).isEqualTo(ReleaseState.OLD);
    run("stop");
    CommandResult offline = run("releases");
    assertThat(offline.exitCode()).as(offline.toString()).isZero();
    assertThat(offline.stdout()).containsPattern("0\\.2\\.0 +permanent")
        .doesNotContain("running");
  }

  private static void awaitFile(Path file, CompletableFuture<CommandResult> command)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(file) && System.nanoTime() < deadline && !command.isDone()) {
      Thread.sleep(20);
    }
    assertThat(file).as("the hook ran (command: " + (command.isDone() ? command.join() : "running")
        + ")").exists();
  }

  private void hook(String phase, String name, String body) throws Exception {
    Path dir = Files.createDirectories(node.root().resolve("releases/0.2.0/hooks").resolve(phase));
    Path script = dir.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}

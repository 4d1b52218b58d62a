package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.Releases;
import dev.molt.e2e.support.Relups;
import dev.molt.e2e.support.SharedBookRelease;
import dev.molt.e2e.support.TamperedJars;
import dev.molt.e2e.support.UpgradeReleases;
import dev.molt.format.Formats;
import dev.molt.format.Instruction;
import dev.molt.format.ReleaseState;
import dev.molt.format.ReleasesFile;
import dev.molt.format.RelupStep;
import dev.molt.format.UpgradeJournal;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code kill -9} of the node's JVM at each step of a live upgrade, held there by the engine's
 * test-only {@code MOLT_TEST_PAUSE_AT} (docs/upgrades.md). book_app 0.1.0 -> 0.2.0 runs a relup
 * edited to hold every in-place step (define, redefine, apply, purge); 0.1.0 -> 0.4.0 restarts
 * the application in a new loader. After each kill: {@code bin/book_app start} boots the
 * permanent release (0.1.0), logs that the upgrade was interrupted and clears the journal,
 * RELEASES.json is valid and {@code releases} tells the truth, the books survive, and the same
 * {@code upgrade} command then succeeds with no manual cleanup.
 */
class KillAtEachStepIT {
  private static final String NEW_404 = "try /books, /stats or /health";
  private static final String PKG = "dev.molt.fixtures.book.";
  private static Path v1;
  private static Path v2;
  private static Path v4;

  @TempDir Path dir;
  private Node node;

  @BeforeAll
  static void releases() throws Exception {
    v1 = SharedBookRelease.get().releaseDir();
    v2 = UpgradeReleases.v020();
    v4 = UpgradeReleases.v040();
  }

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @ParameterizedTest(name = "upgrade {0}, kill -9 at {1}")
  @CsvSource({
      "0.2.0, pre_upgrade, pre_upgrade",
      "0.2.0, define, steps",
      "0.2.0, redefine, steps",
      "0.2.0, apply, steps",
      "0.2.0, node runs release, steps",
      "0.2.0, post_upgrade, post_upgrade",
      "0.2.0, point_of_no_return, steps",
      "0.2.0, purge, past_point_of_no_return",
      "0.2.0, commit, commit",
      "0.4.0, restart_application, steps",
      "0.4.0, purge, past_point_of_no_return"})
  void killedAtAStep_startBootsThePermanentRelease_journalCleared_retrySucceeds(String target,
      String step, String phase) throws Exception {
    startPausingAt(step, target);

    killAtThePause(step, target);

    assertThat(Formats.readJournal(journal()).phase().json()).as("the journal left behind")
        .isEqualTo(phase);
    assertStates("0.1.0", ReleaseState.PERMANENT, target, ReleaseState.UNPACKED);
    int second = Ports.free();
    node.startAndAwait(second);
    assertThat(node.log()).contains("molt: the upgrade 0.1.0 -> " + target
        + " was interrupted (phase " + phase, "the node booted 0.1.0, its permanent release");
    assertThat(journal()).doesNotExist();
    assertThat(Http.get(second, "/health").body()).contains("\"version\":\"0.1.0\"");
    assertThat(Http.get(second, "/nope").body()).doesNotContain(NEW_404);
    assertThat(Http.get(second, "/books").body()).contains("Dune");
    assertStates("0.1.0", ReleaseState.PERMANENT, target, ReleaseState.UNPACKED);
    assertThat(run("releases").stdout()).containsPattern("0\\.1\\.0 +permanent +running")
        .containsPattern(target.replace(".", "\\.") + " +unpacked\\s");

    CommandResult retry = run("upgrade", target);

    assertThat(retry.exitCode()).as(retry.toString()).isZero();
    assertThat(retry.stdout()).contains("book_app " + target + " is running, permanent");
    Http.awaitOk(second, "/health", Node.TIMEOUT);
    if (target.equals("0.2.0")) {
      assertThat(Http.get(second, "/nope").body()).contains(NEW_404);
    } else {
      assertThat(Http.get(second, "/health").body()).contains("\"version\":\"0.4.0\"");
    }
    assertThat(Http.get(second, "/books").body()).contains("Dune");
    assertStates(target, ReleaseState.PERMANENT, "0.1.0", ReleaseState.OLD);
    assertThat(journal()).doesNotExist();
  }

  @Test
  void killedAfterReleasesJsonWasCommitted_startBootsTheNewRelease_andSaysItHadCommitted()
      throws Exception {
    startPausingAt("committed", "0.2.0");

    killAtThePause("committed", "0.2.0");

    assertThat(Formats.readJournal(journal()).phase()).isEqualTo(UpgradeJournal.Phase.COMMIT);
    assertStates("0.2.0", ReleaseState.PERMANENT, "0.1.0", ReleaseState.OLD);
    int second = Ports.free();
    node.startAndAwait(second);
    assertThat(node.log()).contains("molt: the upgrade 0.1.0 -> 0.2.0 had committed when the JVM"
        + " stopped; node runs 0.2.0");
    assertThat(journal()).doesNotExist();
    assertThat(Http.get(second, "/nope").body()).contains(NEW_404);
    assertThat(Http.get(second, "/books").body()).contains("Dune");
    assertThat(run("releases").stdout()).containsPattern("0\\.2\\.0 +permanent +running")
        .containsPattern("0\\.1\\.0 +old\\s");
    CommandResult down = run("downgrade", "0.1.0");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(Http.get(second, "/nope").body()).doesNotContain(NEW_404);
  }

  /**
   * Starts 0.1.0 with the pause set at {@code step}, installs {@code target} (0.2.0 with a probe
   * class defined and applied, and a purge), adds a book.
   */
  private void startPausingAt(String step, String target) throws Exception {
    node = new Node(Releases.copy(v1, dir.resolve("book_app")), "book_app");
    int port = Ports.free();
    node.startAndAwait(Node.env(Map.of("PORT", Integer.toString(port),
        "MOLT_TEST_PAUSE_AT", step)), port, "/health");
    if (target.equals("0.2.0")) {
      UpgradeReleases.install(v2, "0.2.0", node.root());
      TamperedJars.addClass(node.root(), "book_app", "0.2.0", PKG + "UpgradeProbe",
          "package dev.molt.fixtures.book;\n"
              + "public final class UpgradeProbe {\n"
              + "  public static void run() {\n"
              + "    System.out.println(\"book_app: upgrade probe ran\");\n"
              + "  }\n"
              + "}\n");
      Relups.editUp(node.root(), "0.2.0", "0.1.0", steps -> {
        int redefine = Relups.indexOf(steps, Instruction.Redefine.class);
        steps.add(redefine + 1, RelupStep.of("book_app",
            new Instruction.Apply(PKG + "UpgradeProbe", "run")));
        steps.add(redefine, RelupStep.of("book_app",
            new Instruction.Define(List.of(PKG + "UpgradeProbe"))));
        if (steps.stream().noneMatch(s -> s.instruction() instanceof Instruction.Purge)) {
          steps.add(RelupStep.of("book_app", new Instruction.Purge()));
        }
        return steps;
      });
    } else {
      UpgradeReleases.install(v4, target, node.root());
    }
    assertThat(Http.postForm(port, "/books", "title=Dune&author=Frank+Herbert").statusCode())
        .isEqualTo(201);
    CommandResult plan = run("plan", target);
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
  }

  /** Runs {@code upgrade target}, waits for the pause at {@code step}, kills the JVM there. */
  private void killAtThePause(String step, String target) throws Exception {
    long pid = node.pidFromFile().orElseThrow();
    Path reached = node.root().resolve("tmp/molt-test-pause.reached");
    CompletableFuture<CommandResult> upgrade = CompletableFuture.supplyAsync(
        () -> run("upgrade", target));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(reached) && System.nanoTime() < deadline && !upgrade.isDone()) {
      Thread.sleep(20);
    }
    assertThat(reached).as("the engine paused (command: "
        + (upgrade.isDone() ? upgrade.join() : "running") + ")\n" + node.log()).exists();
    assertThat(Files.readString(reached)).containsPattern("^-?\\d+ " + step);
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    process.destroyForcibly();
    process.onExit().get(30, TimeUnit.SECONDS);
    CommandResult lost = upgrade.get(Node.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(lost.exitCode()).as("the connection broke: exit 5 (docs/commands.md): %s", lost).isEqualTo(5);
    Files.deleteIfExists(reached);
  }

  private void assertStates(String a, ReleaseState aState, String b, ReleaseState bState)
      throws Exception {
    ReleasesFile releases = Formats.readReleases(node.root().resolve("releases/RELEASES.json"));
    assertThat(releases.release(a).orElseThrow().state()).isEqualTo(aState);
    assertThat(releases.release(b).orElseThrow().state()).isEqualTo(bState);
    assertThat(releases.releases().stream().filter(r -> r.state() == ReleaseState.PERMANENT))
        .hasSize(1);
  }

  private Path journal() {
    return node.root().resolve("releases/upgrade.journal.json");
  }

  private CommandResult run(String... args) {
    return node.run(Node.env(Map.of()), args);
  }
}

package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.HttpLoad;
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
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults during a live upgrade of book_app 0.1.0 -> 0.2.0, each under continuous HTTP load: a
 * failing {@code pre_upgrade} hook, an {@code apply} that throws, a {@code redefine} the JVM
 * rejects (and one the check must refuse first). After each the command exits 11 (rolled back), no request failed, the node serves
 * 0.1.0 with its counter and books, RELEASES.json is valid and {@code releases} tells the truth.
 * (A failing post_upgrade hook and a JVM killed in post_upgrade are in {@link LiveUpgradeIT}; a
 * JVM killed at every other step in {@link KillAtEachStepIT}.)
 */
class UpgradeFaultsIT {
  /** The 404 body of 0.2.0's BookHandler; 0.1.0's says only "no route /nope". */
  private static final String NEW_404 = "try /books, /stats or /health";
  private static final String PKG = "dev.molt.fixtures.book.";
  private static Path v1;
  private static Path v2;

  @TempDir Path dir;
  private Node node;
  private int port;

  @BeforeAll
  static void releases() throws Exception {
    v1 = SharedBookRelease.get().releaseDir();
    v2 = UpgradeReleases.v020();
  }

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private void startWith02Installed() {
    node = new Node(Releases.copy(v1, dir.resolve("book_app")), "book_app");
    port = Ports.free();
    node.startAndAwait(port);
    UpgradeReleases.install(v2, "0.2.0", node.root());
    assertThat(Http.postForm(port, "/books", "title=Dune&author=Frank+Herbert").statusCode())
        .isEqualTo(201);
  }

  private CommandResult run(String... args) {
    return node.run(Node.env(Map.of()), args);
  }

  @Test
  void failingPreUpgradeHook_underLoad_noStepRuns_exit11_nodeServesOldRelease() throws Exception {
    startWith02Installed();
    Path hooks = Files.createDirectories(node.root().resolve("releases/0.2.0/hooks/pre_upgrade"));
    Path script = hooks.resolve("10-refuse.sh");
    Files.writeString(script, "#!/bin/sh\necho disk too full for 0.2.0\nexit 4\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

    CommandResult up = upgradeUnderLoad();

    assertThat(up.stderr()).contains("pre_upgrade hook", "exit 4", "disk too full for 0.2.0")
        .containsPattern("FAILED +pre_upgrade hooks").doesNotContain("redefine");
    assertServesOldRelease();
  }

  @Test
  void applyThatThrows_underLoad_redefineUndone_exit11_thenFixedAndRunAgain_succeeds()
      throws Exception {
    startWith02Installed();
    // a data migration shipped in 0.2.0's jar that fails: define it, redefine, then apply it
    TamperedJars.addClass(node.root(), "book_app", "0.2.0", PKG + "FailingMigration",
        "package dev.molt.fixtures.book;\n"
            + "public final class FailingMigration {\n"
            + "  public static void run() {\n"
            + "    throw new IllegalStateException(\"the books table is locked by a backup\");\n"
            + "  }\n"
            + "}\n");
    Relups.editUp(node.root(), "0.2.0", "0.1.0", steps -> {
      int redefine = Relups.indexOf(steps, Instruction.Redefine.class);
      steps.add(redefine + 1, RelupStep.of("book_app",
          new Instruction.Apply(PKG + "FailingMigration", "run")));
      steps.add(redefine, RelupStep.of("book_app",
          new Instruction.Define(List.of(PKG + "FailingMigration"))));
      return steps;
    });
    CommandResult plan = run("plan", "0.2.0");
    assertThat(plan.exitCode()).as("the check lets it through: " + plan).isZero();

    CommandResult up = upgradeUnderLoad();

    assertThat(up.stderr()).contains("FailingMigration.run() threw",
        "the books table is locked by a backup")
        .containsPattern("FAILED +apply book_app: " + PKG.replace(".", "\\.") + "FailingMigration")
        .containsPattern("undone +redefine book_app: BookHandler, PlainContext")
        .containsPattern("undone +define book_app: FailingMigration");
    assertServesOldRelease();

    // fixed in the release (same class, a body that works), then the same command again: the
    // class the failed attempt defined in the running JVM must run as fixed, with no cleanup
    TamperedJars.addClass(node.root(), "book_app", "0.2.0", PKG + "FailingMigration",
        "package dev.molt.fixtures.book;\n"
            + "public final class FailingMigration {\n"
            + "  public static void run() {\n"
            + "    System.out.println(\"book_app: migration done\");\n"
            + "  }\n"
            + "}\n");
    try (HttpLoad load = HttpLoad.start(port)) {
      load.awaitMore(20, Node.TIMEOUT);
      CommandResult retry = run("upgrade", "0.2.0");
      assertThat(retry.exitCode()).as(retry.toString()).isZero();
      assertThat(retry.stdout()).containsPattern("ok +apply book_app: " + PKG.replace(".", "\\.")
          + "FailingMigration\\.run\\(\\)").contains("book_app 0.2.0 is running, permanent");
      load.awaitMore(20, Node.TIMEOUT);
      load.stop();
      assertThat(load.failures()).as("failed requests during the retry").isEmpty();
    }
    assertThat(Http.get(port, "/nope").body()).contains(NEW_404);
    assertThat(Http.get(port, "/books").body()).contains("Dune");
    assertThat(node.log()).contains("book_app: migration done");
  }

  @Test
  void redefineTheJvmRejects_tamperedNestAttribute_underLoad_exit11_nodeServesOldRelease()
      throws Exception {
    startWith02Installed();
    // BookHandler's bytes with a nest member added: the class loads and reflection sees the same
    // fields and methods, so the check passes, but redefineClasses refuses a change of the nest;
    // the jar's checksum is made to match
    TamperedJars.addNestMember(node.root(), "book_app", "0.2.0", PKG + "BookHandler");
    CommandResult plan = run("plan", "0.2.0");
    assertThat(plan.exitCode()).as("the check lets it through: " + plan).isZero();

    CommandResult up = upgradeUnderLoad();

    assertThat(up.stderr()).contains("redefine book_app: BookHandler, PlainContext failed",
        "NestMembers", "update or restart_application")
        .containsPattern("FAILED +redefine book_app: BookHandler, PlainContext")
        .containsPattern("undone +pre_upgrade hooks");
    assertServesOldRelease();
  }

  @Test
  void redefineOfFieldsDeclaredInAnotherOrder_isRefusedAtCheck_nothingChanges() throws Exception {
    startWith02Installed();
    // the same fields in another order: redefineClasses compares fields one by one, so the check
    // must see the order, not only the set
    String tampered = TamperedJars.swapFirstTwoFields(node.root(), "book_app", "0.2.0",
        List.of(PKG + "BookHandler", PKG + "PlainContext"));
    byte[] releasesBefore = Files.readAllBytes(node.root().resolve("releases/RELEASES.json"));

    CommandResult up = run("upgrade", "0.2.0");

    assertThat(up.exitCode()).as(up.toString()).isEqualTo(10);
    assertThat(up.stderr()).contains("refused by the check; nothing was changed",
        tampered + " changes more than method bodies (fields declared in another order");
    assertThat(Files.readAllBytes(node.root().resolve("releases/RELEASES.json")))
        .isEqualTo(releasesBefore);
    assertThat(Http.get(port, "/nope").body()).doesNotContain(NEW_404);
    assertThat(run("describe").stdout()).contains("loaded release: 0.1.0");
    assertThat(node.root().resolve("releases/upgrade.journal.json")).doesNotExist();
  }

  /** {@code upgrade 0.2.0} while the load runs; asserts exit 11 and that no request failed. */
  private CommandResult upgradeUnderLoad() {
    int before = requests();
    CommandResult up;
    try (HttpLoad load = HttpLoad.start(port)) {
      load.awaitMore(50, Node.TIMEOUT);
      up = run("upgrade", "0.2.0");
      System.out.println(up); // what ran, failed and was undone, for the build log
      load.awaitMore(50, Node.TIMEOUT);
      load.stop();
      assertThat(load.failures()).as("failed requests during the failed upgrade").isEmpty();
    }
    assertThat(up.exitCode()).as(up.toString()).isEqualTo(11);
    assertThat(up.stderr()).contains("failed and was rolled back", "the node runs 0.1.0");
    assertThat(requests()).as("the in-memory request counter survived").isGreaterThan(before);
    return up;
  }

  private void assertServesOldRelease() throws Exception {
    assertThat(Http.get(port, "/nope").body()).contains("no route").doesNotContain(NEW_404);
    assertThat(Http.get(port, "/books").body()).contains("Dune");
    ReleasesFile releases = Formats.readReleases(node.root().resolve("releases/RELEASES.json"));
    assertThat(releases.release("0.1.0").orElseThrow().state()).isEqualTo(ReleaseState.PERMANENT);
    assertThat(releases.release("0.2.0").orElseThrow().state()).isEqualTo(ReleaseState.UNPACKED);
    assertThat(run("releases").stdout()).containsPattern("0\\.1\\.0 +permanent +running")
        .containsPattern("0\\.2\\.0 +unpacked\\s");
    assertThat(run("describe").stdout()).contains("loaded release: 0.1.0", "book_app 0.1.0");
    assertThat(node.root().resolve("releases/upgrade.journal.json")).doesNotExist();
  }

  private int requests() {
    return Integer.parseInt(Http.get(port, "/stats").body().replaceAll("\\D+", ""));
  }
}

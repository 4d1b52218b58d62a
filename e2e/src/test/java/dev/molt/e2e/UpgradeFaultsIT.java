package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.HttpLoad;
import dev.molt.e2e.support.Relups;
import dev.molt.e2e.support.Releases;
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
 * rejects. After each the command exits 11 (rolled back), no request failed, the node serves
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
    v2 = UpgradeReleases.build("0.2.0", v1);
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
  void applyThatThrows_underLoad_redefineUndone_exit11_nodeServesOldRelease() throws Exception {
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
  }

  @Test
  void redefineTheJvmRejects_tamperedFieldOrder_underLoad_exit11_nodeServesOldRelease()
      throws Exception {
    startWith02Installed();
    // the same fields in another order: reflection (the check) sees no schema change, the JVM's
    // redefineClasses refuses the new field layout; the jar's checksum is made to match
    String tampered = TamperedJars.swapFirstTwoFields(node.root(), "book_app", "0.2.0",
        List.of(PKG + "BookHandler", PKG + "PlainContext"));
    CommandResult plan = run("plan", "0.2.0");
    assertThat(plan.exitCode()).as("the check lets it through: " + plan).isZero();

    CommandResult up = upgradeUnderLoad();

    assertThat(up.stderr()).as(tampered + " tampered").contains("redefine book_app",
        "failed", "attempted to change the schema", "update or restart_application")
        .containsPattern("FAILED +redefine book_app: BookHandler, PlainContext")
        .containsPattern("undone +pre_upgrade hooks");
    assertServesOldRelease();
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

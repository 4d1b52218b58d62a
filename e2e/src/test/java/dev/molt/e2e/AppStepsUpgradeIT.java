package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.Releases;
import dev.molt.e2e.support.SharedBookRelease;
import dev.molt.e2e.support.UpgradeReleases;
import dev.molt.format.Instruction;
import dev.molt.format.Relup;
import dev.molt.format.RelupPlan;
import dev.molt.format.RelupStep;
import dev.molt.format.UpgradeFormats;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live upgrades whose steps work on whole applications, through bin/book_app:
 * {@code restart_application} (0.1.0 -> 0.4.0, a new H2 in a new loader) and
 * {@code remove_application} / {@code add_application} (0.3.0 with book_stats -> 0.4.0), each
 * and back, with the old loaders purged.
 */
class AppStepsUpgradeIT {
  private static Path v1;
  private static Path v2;
  private static Path v3;
  private static Path v4;

  @TempDir Path dir;
  private Node node;

  @BeforeAll
  static void releases() throws Exception {
    v1 = SharedBookRelease.get().releaseDir();
    v2 = UpgradeReleases.v020();
    v3 = UpgradeReleases.v030();
    v4 = UpgradeReleases.v040();
  }

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private int start(Path release) {
    node = new Node(Releases.copy(release, dir.resolve("book_app")), "book_app");
    int port = Ports.free();
    node.startAndAwait(port);
    return port;
  }

  private CommandResult run(String... args) {
    return node.run(Node.env(Map.of()), args);
  }

  @Test
  void restartApplication_0_1_0_to_0_4_0_runsInANewLoaderWithTheNewH2_thenBack() throws Exception {
    int port = start(v1);
    UpgradeReleases.install(v4, "0.4.0", node.root());
    assertThat(Http.postForm(port, "/books", "title=Emma&author=Jane+Austen").statusCode())
        .isEqualTo(201);

    CommandResult up = run("upgrade", "0.4.0");
    System.out.println(up.stdout()); // the steps and their times, for the build log

    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.stdout()).containsPattern("ok +restart_application book_app in a new class"
        + " loader \\(0\\.4\\.0\\)").contains("purge book_app: old class loader collected", "book_app 0.4.0 is running");
    Http.awaitOk(port, "/health", Node.TIMEOUT);
    assertThat(Http.get(port, "/health").body()).contains("\"version\":\"0.4.0\"");
    assertThat(Http.get(port, "/books").body()).contains("Emma");
    assertThat(run("describe").stdout()).contains("loaded release: 0.4.0", "h2 2.5.250");

    CommandResult down = run("downgrade", "0.1.0");

    assertThat(down.exitCode()).as(down.toString()).isZero();
    Http.awaitOk(port, "/health", Node.TIMEOUT);
    assertThat(Http.get(port, "/health").body()).contains("\"version\":\"0.1.0\"");
    assertThat(Http.get(port, "/books").body()).contains("Emma");
    assertThat(run("releases").stdout()).containsPattern("0\\.1\\.0 +permanent +running")
        .containsPattern("0\\.4\\.0 +old\\s");
  }

  @Test
  void removeAndAddApplication_0_3_0_to_0_4_0_andBack_bookStatsStopsAndStartsAgain()
      throws Exception {
    int port = start(v3);
    UpgradeReleases.install(v4, "0.4.0", node.root());
    Path status = node.root().resolve("var/book_stats/status.txt");
    assertThat(Files.readString(status)).isEqualTo("started 0.1.0\n");

    CommandResult up = run("upgrade", "0.4.0");

    System.out.println(up.stdout()); // the steps and their times, for the build log
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.stdout()).containsPattern("ok +remove_application book_stats")
        .contains("restart_application book_app", "purge book_stats: old class loader collected");
    assertThat(Files.readString(status)).isEqualTo("started 0.1.0\nstopped 0.1.0\n");
    assertThat(run("describe").stdout()).doesNotContain("book_stats 0.1.0 running");
    Http.awaitOk(port, "/health", Node.TIMEOUT);

    CommandResult down = run("downgrade", "0.3.0");

    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(down.stdout()).containsPattern("ok +add_application book_stats 0\\.1\\.0");
    assertThat(Files.readString(status)).endsWith("stopped 0.1.0\nstarted 0.1.0\n");
    assertThat(run("describe").stdout()).contains("book_stats 0.1.0 running",
        "loaded release: 0.3.0");
    Http.awaitOk(port, "/health", Node.TIMEOUT);
    assertThat(Http.get(port, "/health").body()).contains("\"version\":\"0.3.0\"");
  }

  @Test
  void addApplicationDefineRedefineApply_inOneLiveUpgrade_allRunLive() throws Exception {
    int port = start(v1);
    UpgradeReleases.install(v2, "0.2.0", node.root());
    assertThat(run("upgrade", "0.2.0").exitCode()).isZero();
    UpgradeReleases.install(v3, "0.3.0", node.root());
    // 0.2.0 -> 0.3.0 with a define (of a class of the service's unit: it goes to the live unit
    // loader, never the application's), a redefine, its update and an apply after it: define,
    // redefine, update, apply and add_application in one plan
    Path relupFile = node.root().resolve("releases/0.3.0/relup.json");
    Relup relup = UpgradeFormats.readRelup(relupFile);
    List<RelupPlan> up = new ArrayList<>();
    for (RelupPlan plan : relup.up()) {
      List<RelupStep> steps = new ArrayList<>();
      for (RelupStep step : plan.steps()) {
        if (step.instruction() instanceof Instruction.Update) {
          steps.add(step);
          steps.add(RelupStep.of("book_app", new Instruction.Apply(
              "dev.molt.fixtures.book.ReleaseTasks", "migrate")));
        } else if (step.instruction() instanceof Instruction.Redefine) {
          steps.add(RelupStep.of("book_app", new Instruction.Define(
              List.of("dev.molt.fixtures.book.service.BookServiceMigration"))));
          steps.add(RelupStep.of("book_app", new Instruction.Redefine(
              List.of("dev.molt.fixtures.book.PlainContext"))));
        } else {
          steps.add(step);
        }
      }
      up.add(new RelupPlan(plan.version(), steps));
    }
    UpgradeFormats.writeRelup(relupFile,
        new Relup(relup.release(), relup.version(), up, relup.down()));

    CommandResult upgrade = run("upgrade", "0.3.0");

    System.out.println(upgrade.stdout()); // the steps and their times, for the build log
    assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
    assertThat(upgrade.stdout()).containsPattern("ok +define book_app: BookServiceMigration[^\\n]*"
        + "\\n +ok +redefine book_app: PlainContext[^\\n]*\\n +ok +update book_app: BookService"
        + " 0\\.2\\.0 -> 0\\.3\\.0[^\\n]*\\n +ok +apply book_app:"
        + " dev\\.molt\\.fixtures\\.book\\.ReleaseTasks\\.migrate\\(\\)")
        .containsPattern("ok +add_application book_stats 0\\.1\\.0")
        .contains("book_app 0.3.0 is running, permanent");
    assertThat(Files.readString(node.root().resolve("var/book_stats/status.txt")))
        .isEqualTo("started 0.1.0\n");
    assertThat(Http.get(port, "/stats").body()).as("0.3.0's service counts per path")
        .contains("\"paths\":{");
    // the unit loader that got the defined class retired with its unit, and was collected
    assertThat(upgrade.stdout()).containsPattern("ok +purge book_app: old class loader collected");
    assertThat(run("describe").stdout()).contains("loaded release: 0.3.0",
        "book_stats 0.1.0 running");
  }
}

package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.e2e.support.Fixture;
import dev.molt.e2e.support.Releases;
import dev.molt.e2e.support.UpgradeReleases;
import dev.molt.release.ReleaseResult;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The purge after a live upgrade's point of no return proves the old class loaders are gone, or
 * names what holds them, in the upgrade's report, {@code releases} and {@code describe}: book_app
 * 0.3.0 -> 0.4.0 (restart_application of book_app, remove_application of book_stats) leaves
 * nothing behind; the leaky fixture's 1.0.0 leaves a thread it never stops.
 */
class PurgeIT {
  private static final String LEAKY_THREAD = "    thread \"leaky-ticker\" \\(daemon, [a-z_]+\\):"
      + " it runs dev\\.molt\\.fixtures\\.leaky\\.Ticker\\.run of leaky-1\\.0\\.0; its context"
      + " class loader is leaky-1\\.0\\.0";

  @TempDir static Path built;
  @TempDir Path dir;
  private Node node;

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private CommandResult run(String... args) {
    return node.run(Node.env(Map.of()), args);
  }

  @Test
  void bookApp_0_3_0_to_0_4_0_restartAndRemove_everyOldLoaderCollected_inReleasesAndDescribe()
      throws Exception {
    Path v3 = UpgradeReleases.v030();
    Path v4 = UpgradeReleases.v040();
    node = new Node(Releases.copy(v3, dir.resolve("book_app")), "book_app");
    node.startAndAwait(Ports.free());
    UpgradeReleases.install(v4, "0.4.0", node.root());
    assertThat(run("releases").stdout()).doesNotContain("old class loaders");

    CommandResult up = run("upgrade", "0.4.0");

    System.out.println(up.stdout()); // the steps and their times, for the build log
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.stdout()).containsPattern("ok +restart_application book_app in a new class"
        + " loader \\(0\\.4\\.0\\)").contains("purge book_app: old class loader collected",
        "purge book_stats: old class loader collected");
    String collected = "old class loaders: 2 purged since boot, all collected\n"
        + "  book_app-0.3.0 collected (upgrade 0.3.0 -> 0.4.0)\n"
        + "  book_stats-0.1.0 collected (upgrade 0.3.0 -> 0.4.0)\n";
    assertThat(run("releases").stdout()).containsPattern("0\\.4\\.0 +permanent +running")
        .endsWith(collected);
    assertThat(run("describe").stdout()).contains("loaded release: 0.4.0").endsWith(collected);
  }

  @Test
  void leakyApp_upgradeRestartsIt_theOldLoaderIsReportedWithTheThreadItNeverStopped()
      throws Exception {
    Path l1 = buildLeaky("1.0.0", List.of());
    Path l2 = buildLeaky("2.0.0", List.of(l1));
    node = new Node(Releases.copy(l1, dir.resolve("leaky")), "leaky");
    CommandResult start = run("start");
    assertThat(start.exitCode()).as(start + "\n" + node.log()).isZero();
    assertThat(Files.readString(node.root().resolve("var/leaky/status.txt")))
        .isEqualTo("started 1.0.0\n");
    UpgradeReleases.install(l2, "2.0.0", node.root());

    CommandResult up = run("upgrade", "2.0.0");

    System.out.println(up.stdout()); // the steps and their times, for the build log
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.stdout()).containsPattern("ok +restart_application leaky in a new class"
        + " loader \\(2\\.0\\.0\\)").containsPattern("ok +purge leaky: old class loader"
        + " leaky-1\\.0\\.0 NOT collected within 2 s, likely held by thread \"leaky-ticker\""
        + " \\(daemon, [a-z_]+\\): it runs dev\\.molt\\.fixtures\\.leaky\\.Ticker\\.run of"
        + " leaky-1\\.0\\.0; its context class loader is leaky-1\\.0\\.0; bin/<name> describe"
        + " lists what holds it; JDBC drivers leaky-1\\.0\\.0 left registered, deregistered:"
        + " dev\\.molt\\.fixtures\\.leaky\\.LeakyDriver")
        .contains("leaky 2.0.0 is running, permanent");
    String leak = "old class loaders: 1 purged since boot, 1 not collected\n"
        + "  leaky-1\\.0\\.0 NOT collected \\(upgrade 1\\.0\\.0 -> 2\\.0\\.0, purged \\d+ s ago;"
        + " JDBC drivers it left registered, now deregistered:"
        + " dev\\.molt\\.fixtures\\.leaky\\.LeakyDriver\\); likely held by:\n" + LEAKY_THREAD
        + "\n    shutdown hooks and ThreadLocals not checked: [^\n]+\n$";
    assertThat(run("releases").stdout()).containsPattern("2\\.0\\.0 +permanent +running")
        .containsPattern(leak);
    assertThat(run("describe").stdout()).contains("leaky 2.0.0 running").containsPattern(leak);

    CommandResult down = run("downgrade", "1.0.0");

    // 2.0.0 stops its thread and deregisters its driver: nothing holds its loader
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(down.stdout()).contains("purge leaky: old class loader collected");
    assertThat(run("releases").stdout())
        .contains("old class loaders: 2 purged since boot, 1 not collected\n",
            "  leaky-2.0.0 collected (downgrade 2.0.0 -> 1.0.0)\n")
        .containsPattern("  leaky-1\\.0\\.0 NOT collected \\(upgrade 1\\.0\\.0 -> 2\\.0\\.0");
  }

  /** The leaky release {@code version}, with the relup from each of {@code from}. */
  private static Path buildLeaky(String version, List<Path> from) throws Exception {
    Fixture leaky = Fixture.leaky(version);
    ReleaseResult result = Releases.build("leaky", version, Fixture.root().resolve("leaky/rel"),
        "prod", built.resolve("leaky-" + version), leaky.inputs(), Optional.empty());
    Path root = result.releaseDir();
    if (!from.isEmpty()) {
      AppupCompiler.writeRelup(AppupCompiler.plan(PlanRequest.of(from, root)),
          root.resolve("releases").resolve(version).resolve("relup.json"));
    }
    return root;
  }
}

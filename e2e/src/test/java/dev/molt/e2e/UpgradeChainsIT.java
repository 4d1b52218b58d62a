package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.HttpLoad;
import dev.molt.e2e.support.Releases;
import dev.molt.e2e.support.SharedBookRelease;
import dev.molt.e2e.support.UpgradeReleases;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseState;
import dev.molt.format.ReleasesFile;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several live upgrades in a row on one book_app node, under continuous HTTP load: a chain of
 * upgrades and downgrades back to the first release (redefines, then a restart_application and
 * back, then redefines again); an upgrade again after a failed one; a configuration value set by
 * {@code reload_config} that stays in effect through an upgrade and a downgrade.
 */
class UpgradeChainsIT {
  /** The 404 body of 0.2.0's BookHandler; 0.1.0's says only "no route /nope". */
  private static final String NEW_404 = "try /books, /stats or /health";
  private static Path v1;
  private static Path v2;
  private static Path v3;
  private static Path v4;

  @TempDir Path dir;
  private Node node;
  private int port;

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

  private void start() {
    node = new Node(Releases.copy(v1, dir.resolve("book_app")), "book_app");
    port = Ports.free();
    node.startAndAwait(port);
    UpgradeReleases.install(v2, "0.2.0", node.root());
    assertThat(Http.postForm(port, "/books", "title=Dune&author=Frank+Herbert").statusCode())
        .isEqualTo(201);
  }

  @Test
  void chain_0_1_0_to_0_2_0_andBackTwice_then0_4_0AndBack_then0_2_0AndBack_booksSurvive()
      throws Exception {
    start();
    UpgradeReleases.install(v4, "0.4.0", node.root());
    try (HttpLoad load = HttpLoad.start(port)) {
      load.awaitMore(20, Node.TIMEOUT);
      redefineLeg(load, "upgrade", "0.2.0");
      redefineLeg(load, "downgrade", "0.1.0");
      redefineLeg(load, "upgrade", "0.2.0");
      redefineLeg(load, "downgrade", "0.1.0");
      assertThat(load.failures()).as("failed requests through four redefine legs").isEmpty();

      // restart_application: the app's port is closed for a moment, as documented; the requests
      // that fail then fail to connect, none gets a wrong answer
      int before = load.failures().size();
      move("upgrade", "0.4.0");
      Http.awaitOk(port, "/health", Node.TIMEOUT);
      assertThat(Http.get(port, "/health").body()).contains("\"version\":\"0.4.0\"");
      move("downgrade", "0.1.0");
      Http.awaitOk(port, "/health", Node.TIMEOUT);
      assertThat(Http.get(port, "/health").body()).contains("\"version\":\"0.1.0\"");
      load.awaitMore(20, Node.TIMEOUT);
      assertThat(load.failures().subList(before, load.failures().size()))
          .as("requests during the restart_application legs").allSatisfy(f ->
              assertThat(f).doesNotContain("-> HTTP"));

      // the app now runs in the loader restart_application made: redefine still finds its classes
      int settled = load.failures().size();
      redefineLeg(load, "upgrade", "0.2.0");
      redefineLeg(load, "downgrade", "0.1.0");
      load.stop();
      assertThat(load.failures().subList(settled, load.failures().size()))
          .as("failed requests through the last two redefine legs").isEmpty();
    }
    assertThat(Http.get(port, "/books").body()).contains("Dune");
    ReleasesFile releases = releasesFile();
    assertThat(releases.release("0.1.0").orElseThrow().state()).isEqualTo(ReleaseState.PERMANENT);
    assertThat(releases.release("0.2.0").orElseThrow().state()).isEqualTo(ReleaseState.OLD);
    assertThat(releases.release("0.4.0").orElseThrow().state()).isEqualTo(ReleaseState.OLD);
    assertThat(run("releases").stdout()).containsPattern("0\\.1\\.0 +permanent +running");
    assertThat(node.root().resolve("releases/upgrade.journal.json")).doesNotExist();
  }

  @Test
  void chain_0_3_0_to_0_4_0_andBackTwice_libraryBumpAndBookStats_underLoad() throws Exception {
    node = new Node(Releases.copy(v3, dir.resolve("book_app")), "book_app");
    port = Ports.free();
    node.startAndAwait(port);
    UpgradeReleases.install(v4, "0.4.0", node.root());
    assertThat(Http.postForm(port, "/books", "title=Emma&author=Jane+Austen").statusCode())
        .isEqualTo(201);
    try (HttpLoad load = HttpLoad.start(port)) {
      load.awaitMore(20, Node.TIMEOUT);
      for (int round = 0; round < 2; round++) {
        move("upgrade", "0.4.0");
        Http.awaitOk(port, "/health", Node.TIMEOUT);
        assertThat(Http.get(port, "/health").body()).contains("\"version\":\"0.4.0\"");
        assertThat(run("describe").stdout()).contains("h2 2.5.250")
            .doesNotContain("book_stats 0.1.0 running");
        move("downgrade", "0.3.0");
        Http.awaitOk(port, "/health", Node.TIMEOUT);
        assertThat(Http.get(port, "/health").body()).contains("\"version\":\"0.3.0\"");
        assertThat(run("describe").stdout()).contains("h2 2.5.252", "book_stats 0.1.0 running");
      }
      load.awaitMore(20, Node.TIMEOUT);
      load.stop();
      // restart_application closes the app's port for a moment, as documented: requests then
      // fail to connect; none gets a wrong answer
      assertThat(load.failures()).allSatisfy(f -> assertThat(f).doesNotContain("-> HTTP"));
    }
    assertThat(Http.get(port, "/books").body()).contains("Emma");
    assertThat(Files.readString(node.root().resolve("var/book_stats/status.txt")))
        .isEqualTo("started 0.1.0\nstopped 0.1.0\nstarted 0.1.0\nstopped 0.1.0\nstarted 0.1.0\n");
    assertThat(run("releases").stdout()).containsPattern("0\\.3\\.0 +permanent +running")
        .containsPattern("0\\.4\\.0 +old\\s");
  }

  @Test
  void upgradeAgainAfterAFailedOne_hookFixed_succeedsWithNoManualCleanup_underLoad()
      throws Exception {
    start();
    Path hook = hook("post_upgrade", "10-check.sh", "echo health check failed\nexit 3\n");
    try (HttpLoad load = HttpLoad.start(port)) {
      load.awaitMore(20, Node.TIMEOUT);
      int before = requests();
      CommandResult failed = run("upgrade", "0.2.0");
      assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(11);
      assertThat(Http.get(port, "/nope").body()).doesNotContain(NEW_404);
      assertThat(run("releases").stdout()).containsPattern("0\\.2\\.0 +unpacked\\s");

      Files.writeString(hook, "#!/bin/sh\necho health check passed\n");
      redefineLeg(load, "upgrade", "0.2.0");
      load.stop();
      assertThat(load.failures()).as("failed requests through both attempts").isEmpty();
      assertThat(requests()).isGreaterThan(before);
    }
    assertThat(Http.get(port, "/books").body()).contains("Dune");
    assertThat(releasesFile().release("0.2.0").orElseThrow().state())
        .isEqualTo(ReleaseState.PERMANENT);
    assertThat(run("releases").stdout()).containsPattern("0\\.2\\.0 +permanent +running")
        .containsPattern("0\\.1\\.0 +old\\s");
  }

  @Test
  void valueSetByReloadConfig_staysInEffectThroughAnUpgradeAndADowngrade() throws Exception {
    start();
    setGreeting("0.1.0", "hi");
    CommandResult reload = run("reload_config");
    assertThat(reload.stdout()).as(reload.toString()).isEqualTo("book_app: greeting\n");
    try (HttpLoad load = HttpLoad.start(port)) {
      load.awaitMore(20, Node.TIMEOUT);
      redefineLeg(load, "upgrade", "0.2.0");
      // the node now reads 0.2.0's config.json; the same value there changes nothing: what the
      // app had (greeting=hi) is what it still has
      setGreeting("0.2.0", "hi");
      assertThat(run("reload_config").stdout()).isEqualTo("no configuration changed\n");
      setGreeting("0.2.0", "hello");
      assertThat(run("reload_config").stdout()).isEqualTo("book_app: greeting\n");

      redefineLeg(load, "downgrade", "0.1.0");
      // back on 0.1.0's file (greeting=hi): the reload sees hello -> hi, so hello, set on 0.2.0,
      // stayed in effect through the downgrade
      assertThat(run("reload_config").stdout()).isEqualTo("book_app: greeting\n");
      assertThat(run("reload_config").stdout()).isEqualTo("no configuration changed\n");
      load.stop();
      assertThat(load.failures()).isEmpty();
    }
  }

  /** Runs the command, which must commit; the load must go on answering afterwards. */
  private void redefineLeg(HttpLoad load, String command, String version) {
    int failuresBefore = load.failures().size();
    int before = requests();
    move(command, version);
    load.awaitMore(20, Node.TIMEOUT);
    assertThat(load.failures().size()).as(command + " " + version + ": failed requests "
        + load.failures()).isEqualTo(failuresBefore);
    assertThat(requests()).as("the in-memory counter survived " + command + " " + version)
        .isGreaterThan(before);
    if (version.equals("0.2.0")) {
      assertThat(Http.get(port, "/nope").body()).contains(NEW_404);
    } else {
      assertThat(Http.get(port, "/nope").body()).contains("no route").doesNotContain(NEW_404);
    }
  }

  private void move(String command, String version) {
    CommandResult result = run(command, version);
    System.out.println(result.stdout()); // the steps and their times, for the build log
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).contains("book_app " + version + " is running, permanent");
    assertThat(run("releases").stdout())
        .containsPattern(version.replace(".", "\\.") + " +permanent +running");
  }

  private void setGreeting(String version, String value) throws Exception {
    Path config = node.root().resolve("releases").resolve(version).resolve("config.json");
    String text = Files.readString(config).replaceAll("\"greeting\": \"[^\"]*\", ", "");
    Files.writeString(config, text.replaceFirst("\"book_app\"\\s*:\\s*\\{",
        "\"book_app\": {\"greeting\": \"" + value + "\", "));
  }

  private Path hook(String phase, String name, String body) throws Exception {
    Path hooks = Files.createDirectories(node.root().resolve("releases/0.2.0/hooks")
        .resolve(phase));
    Path script = hooks.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private ReleasesFile releasesFile() throws Exception {
    return Formats.readReleases(node.root().resolve("releases/RELEASES.json"));
  }

  private int requests() {
    return Integer.parseInt(Http.get(port, "/stats").body().replaceAll("\\D+", ""));
  }

  private CommandResult run(String... args) {
    return node.run(Node.env(Map.of()), args);
  }
}

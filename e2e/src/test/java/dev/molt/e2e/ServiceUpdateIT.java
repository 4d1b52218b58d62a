package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.ForkDirs;
import dev.molt.e2e.support.Releases;
import dev.molt.e2e.support.UpgradeReleases;
import dev.molt.format.EntryPoint;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseState;
import dev.molt.release.AppInput;
import dev.molt.release.ReleaseBuilder;
import dev.molt.testsupport.javac.SourceJars;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import dev.molt.testsupport.tally.TallySources;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live {@code update} in a real node: an app ({@code tally}) compiled at test time in three
 * versions publishes a counter service from its unit {@code tally.unit}; 1.0.0 → 2.0.0 is an
 * {@code update} that changes the service's fields and state shape (with a migration both ways),
 * 2.0.0 → 3.0.0 a {@code redefine} of the unit's class (which must act on the live unit's class,
 * not on the application loader's copy). The relups are written by hand, as the appup compiler's
 * rules for services are built elsewhere.
 */
class ServiceUpdateIT {
  private static final java.util.concurrent.atomic.AtomicBoolean STOP =
      new java.util.concurrent.atomic.AtomicBoolean();
  private static Path work;
  private static Path v1;
  private static Path v2;
  private static Path v3;

  @TempDir Path dir;
  private Node node;

  @BeforeAll
  static void releases() throws Exception {
    work = ForkDirs.releases("tally");
    deleteTree(work);
    Files.createDirectories(work);
    Path slow = work.resolve("control/slow");
    Files.createDirectories(slow.getParent());
    v1 = release("1.0.0", TallySources.v1());
    v2 = release("2.0.0", TallySources.v2("v2", Optional.of(slow)));
    v3 = release("3.0.0", TallySources.v2("v3", Optional.of(slow)));
    String update = "{ \"op\" : \"update\", \"app\" : \"tally\", \"service\" : "
        + "\"tally.unit.TallyService\", \"unit\" : \"tally.unit\", \"migration\" : "
        + "\"tally.unit.TallyServiceMigration\" }";
    String redefine = "{ \"op\" : \"redefine\", \"app\" : \"tally\", \"classes\" : "
        + "[ \"tally.unit.TallyService\" ] }";
    String tail = "{ \"op\" : \"point_of_no_return\" }, { \"op\" : \"purge\", \"app\" : \"tally\" }";
    relup(v2, "2.0.0", "1.0.0", update + ", " + tail);
    relup(v3, "3.0.0", "2.0.0", redefine + ", " + tail);
  }

  @AfterEach
  void stopNode() throws IOException {
    if (node != null) {
      node.close();
    }
    Files.deleteIfExists(work.resolve("control/slow"));
    Files.deleteIfExists(work.resolve("control/migrating"));
  }

  @Test
  void chain_update_redefineOfTheLiveUnit_andBack_underLoad_stateSurvives_noCallFails()
      throws Exception {
    int port = start();
    for (int i = 0; i < 3; i++) {
      get(port, "/add?a");
    }
    assertThat(get(port, "/version")).isEqualTo("v1:1.0.0");

    AtomicLong ok = new AtomicLong();
    AtomicReference<String> failure = new AtomicReference<>();
    List<Thread> load = load(port, ok, failure);
    try {
      CommandResult up = run("upgrade", "2.0.0");
      System.out.println(up.stdout());
      assertThat(up.exitCode()).as(up.toString()).isZero();
      assertThat(up.stdout()).containsPattern("ok +update tally: TallyService 1\\.0\\.0 -> 2\\.0\\.0"
          + " \\(unit tally\\.unit, TallyServiceMigration\\), callers paused \\d+ ms")
          .contains("purge tally: old class loader collected");
      assertThat(get(port, "/version")).isEqualTo("v2:2.0.0");
      assertThat(get(port, "/get?a")).isEqualTo("3");
      assertThat(rpc("tally.unit.TallyService.codeVersion")).as("rpc resolves the live unit's class")
          .isEqualTo("v2");

      CommandResult redefine = run("upgrade", "3.0.0");
      assertThat(redefine.exitCode()).as(redefine.toString()).isZero();
      assertThat(get(port, "/version")).as("the redefine acted on the live unit's class")
          .isEqualTo("v3:2.0.0");
      assertThat(rpc("tally.unit.TallyService.codeVersion")).isEqualTo("v3");

      CommandResult back = run("downgrade", "2.0.0");
      assertThat(back.exitCode()).as(back.toString()).isZero();
      assertThat(get(port, "/version")).isEqualTo("v2:2.0.0");

      CommandResult down = run("downgrade", "1.0.0");
      System.out.println(down.stdout());
      assertThat(down.exitCode()).as(down.toString()).isZero();
      assertThat(down.stdout()).containsPattern("ok +update tally: TallyService 2\\.0\\.0 -> "
          + "1\\.0\\.0 \\(unit tally\\.unit, TallyServiceMigration\\), callers paused \\d+ ms")
          .as("the 2.0.0 unit, redefined twice, whose migration ran the downgrade")
          .contains("purge tally: old class loader collected");
      assertThat(get(port, "/version")).isEqualTo("v1:1.0.0");
      assertThat(get(port, "/get?a")).isEqualTo("3");
      assertThat(rpc("tally.unit.TallyService.codeVersion")).isEqualTo("v1");
    } finally {
      stop(load);
    }
    assertThat(failure.get()).isNull();
    assertThat(ok.get()).isPositive();
    assertThat(get(port, "/get?load")).as("no update lost").isEqualTo(Long.toString(ok.get()));
    assertThat(Formats.readReleases(node.root().resolve("releases/RELEASES.json"))
        .release("1.0.0").orElseThrow().state()).isEqualTo(ReleaseState.PERMANENT);
  }

  @Test
  void jvmKilledDuringAnUpdate_nextStartBootsThePermanentRelease_andClearsTheJournal()
      throws Exception {
    int port = start();
    get(port, "/add?a");
    Files.writeString(work.resolve("control/slow"), "");
    long pid = node.pidFromFile().orElseThrow();
    CompletableFuture<CommandResult> upgrade = CompletableFuture.supplyAsync(
        () -> run("upgrade", "2.0.0"));
    Path migrating = work.resolve("control/migrating");
    for (int i = 0; i < 600 && !Files.exists(migrating) && !upgrade.isDone(); i++) {
      Thread.sleep(100);
    }
    assertThat(migrating).as("the migration started: " + (upgrade.isDone() ? upgrade.get() : ""))
        .exists();

    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    CommandResult lost = upgrade.get(Node.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(lost.exitCode()).as("the connection broke: exit 5 (docs/commands.md): %s", lost).isEqualTo(5);
    Files.delete(work.resolve("control/slow"));

    int second = Ports.free();
    node.startAndAwait(second);

    assertThat(node.log()).contains("upgrade 1.0.0 -> 2.0.0 was interrupted",
        "the node booted 1.0.0");
    assertThat(node.root().resolve("releases/upgrade.journal.json")).doesNotExist();
    assertThat(get(second, "/version")).isEqualTo("v1:1.0.0");
    assertThat(get(second, "/get?a")).as("in-memory state dies with the JVM").isEqualTo("0");
  }

  private int start() {
    node = new Node(Releases.copy(v1, dir.resolve("tally")), "tally");
    int port = Ports.free();
    node.startAndAwait(port);
    UpgradeReleases.install(v2, "2.0.0", node.root());
    UpgradeReleases.install(v3, "3.0.0", node.root());
    return port;
  }

  private CommandResult run(String... args) {
    return node.run(Node.env(Map.of()), args);
  }

  private String rpc(String target) {
    CommandResult result = run("rpc", target);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result.stdout().trim();
  }

  private static String get(int port, String path) {
    HttpResponse<String> response = Http.get(port, path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private static List<Thread> load(int port, AtomicLong ok, AtomicReference<String> failure) {
    STOP.set(false);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread thread = new Thread(() -> {
        while (!STOP.get() && failure.get() == null) {
          try {
            HttpResponse<String> r = Http.get(port, "/add?load");
            if (r.statusCode() == 200) {
              ok.incrementAndGet();
            } else {
              failure.compareAndSet(null, r.statusCode() + " " + r.body());
            }
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e.toString());
          }
        }
      }, "load-" + t);
      thread.start();
      threads.add(thread);
    }
    return threads;
  }

  /** Stops the load after each thread's request in flight, which is counted. */
  private static void stop(List<Thread> threads) throws InterruptedException {
    STOP.set(true);
    for (Thread t : threads) {
      t.join(30_000);
    }
  }

  private static Path release(String version, Map<String, String> sources) throws Exception {
    Path jar = SourceJars.compile(work.resolve("src-" + version), sources,
        "tally-" + version + ".jar");
    Path rel = work.resolve("rel-" + version);
    new ReleaseBuilder(s -> { }).init(rel, "tally");
    // the update's pause may take a minute here: the kill test holds a migration that long
    Files.writeString(rel.resolve("molt.json"), "{\"schema\": 1, \"name\": \"tally\","
        + " \"upgrade\": {\"update_pause_ms\": 90000}}");
    AppInput app = new AppInput("tally", version, Optional.empty(), List.of(jar), List.of(),
        Optional.of(new EntryPoint(EntryPoint.Kind.APPLICATION, "tally.TallyApp")));
    return Releases.build("tally", version, rel, "dev", work.resolve("tally-" + version),
        List.of(app), Optional.empty()).releaseDir();
  }

  private static void relup(Path root, String version, String from, String steps)
      throws IOException {
    String json = "{\n  \"schema\" : 1,\n  \"release\" : \"tally\",\n  \"version\" : \""
        + version + "\",\n  \"up\" : [ { \"from\" : \"" + from + "\", \"steps\" : [ " + steps
        + " ] } ],\n  \"down\" : [ { \"to\" : \"" + from + "\", \"steps\" : [ " + steps
        + " ] } ]\n}\n";
    Files.writeString(root.resolve("releases").resolve(version).resolve("relup.json"), json);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

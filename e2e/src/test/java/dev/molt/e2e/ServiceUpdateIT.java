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
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
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
  private static final String CONTRACT = """
      package tally;
      public interface Tally {
        long add(String key);
        long get(String key);
        String version();
      }
      """;
  private static final String APP = """
      package tally;
      import com.sun.net.httpserver.HttpServer;
      import dev.molt.api.*;
      import java.net.InetSocketAddress;
      import java.nio.charset.StandardCharsets;
      public final class TallyApp implements Application {
        private HttpServer server;
        public void start(ApplicationContext context) throws Exception {
          Tally tally = context.services().publish(Tally.class, tally.unit.TallyService.class);
          server = HttpServer.create(new InetSocketAddress("127.0.0.1",
              Integer.parseInt(System.getenv("PORT"))), 0);
          server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String body;
            if (path.equals("/health")) body = "ok";
            else if (path.equals("/version")) body = tally.version();
            else if (path.equals("/add")) body = Long.toString(tally.add(query));
            else if (path.equals("/get")) body = Long.toString(tally.get(query));
            else body = "no route " + path;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.startsWith("no route") ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
          server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
          server.start();
        }
        public void stop() { server.stop(0); }
      }
      """;
  private static final String V1 = """
      package tally.unit;
      import dev.molt.api.*;
      import java.util.*;
      public final class TallyService implements tally.Tally, StatefulService {
        private final ServiceContext context;
        private final Map<String, Long> counts = new HashMap<>();
        public TallyService(ServiceContext context) { this.context = context; }
        public synchronized long add(String key) { return counts.merge(key, 1L, Long::sum); }
        public synchronized long get(String key) { return counts.getOrDefault(key, 0L); }
        public String version() { return "v1:" + context.version(); }
        public static String codeVersion() { return "v1"; }
        public synchronized Map<String, Object> exportState() { return Map.of("counts", new HashMap<>(counts)); }
        @SuppressWarnings("unchecked")
        public synchronized void importState(Map<String, Object> state) {
          counts.clear();
          ((Map<String, Object>) state.get("counts")).forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
        }
      }
      """;
  /** Version 2 (and 3, whose only change is the body of {@code version()}). */
  private static final String V2 = """
      package tally.unit;
      import dev.molt.api.*;
      import java.util.*;
      public final class TallyService implements tally.Tally, StatefulService {
        private final ServiceContext context;
        private final Map<String, long[]> counts = new LinkedHashMap<>();
        public TallyService(ServiceContext context) { this.context = context; }
        public synchronized long add(String key) { return ++counts.computeIfAbsent(key, k -> new long[1])[0]; }
        public synchronized long get(String key) { long[] c = counts.get(key); return c == null ? 0 : c[0]; }
        public String version() { return "@V@:" + context.version(); }
        public static String codeVersion() { return "@V@"; }
        public synchronized Map<String, Object> exportState() {
          List<Object> entries = new ArrayList<>();
          counts.forEach((k, v) -> entries.add(Map.of("key", k, "n", v[0])));
          return Map.of("entries", entries);
        }
        @SuppressWarnings("unchecked")
        public synchronized void importState(Map<String, Object> state) {
          counts.clear();
          for (Object e : (List<Object>) state.get("entries")) {
            Map<String, Object> entry = (Map<String, Object>) e;
            counts.put((String) entry.get("key"), new long[] {((Number) entry.get("n")).longValue()});
          }
        }
      }
      """;
  private static final String MIGRATION = """
      package tally.unit;
      import java.nio.file.*;
      import java.util.*;
      public final class TallyServiceMigration implements dev.molt.api.StateMigration {
        @SuppressWarnings("unchecked")
        public Map<String, Object> up(String from, Map<String, Object> state) {
          slowWhenAsked();
          List<Object> entries = new ArrayList<>();
          ((Map<String, Object>) state.get("counts")).forEach((k, v) -> entries.add(Map.of("key", k, "n", v)));
          return Map.of("entries", entries);
        }
        @SuppressWarnings("unchecked")
        public Map<String, Object> down(String to, Map<String, Object> state) {
          Map<String, Object> counts = new HashMap<>();
          for (Object e : (List<Object>) state.get("entries")) {
            Map<String, Object> entry = (Map<String, Object>) e;
            counts.put((String) entry.get("key"), entry.get("n"));
          }
          return Map.of("counts", counts);
        }
        /** When the test asks (a file), says it is migrating and waits, at most 60 s. */
        private static void slowWhenAsked() {
          Path slow = Path.of("@SLOW@");
          if (!Files.exists(slow)) return;
          try {
            Files.writeString(slow.resolveSibling("migrating"), "");
            Thread.sleep(60_000);
          } catch (Exception e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      """;

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
    v1 = release("1.0.0", Map.of("tally/Tally", CONTRACT, "tally/TallyApp", APP,
        "tally/unit/TallyService", V1));
    Map<String, String> two = Map.of("tally/Tally", CONTRACT, "tally/TallyApp", APP,
        "tally/unit/TallyService", V2.replace("@V@", "v2"),
        "tally/unit/TallyServiceMigration", MIGRATION.replace("@SLOW@", slow.toString()));
    v2 = release("2.0.0", two);
    Map<String, String> three = new java.util.HashMap<>(two);
    three.put("tally/unit/TallyService", V2.replace("@V@", "v3"));
    v3 = release("3.0.0", three);
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
    Path jar = compile(work.resolve("src-" + version), version, sources);
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

  private static Path compile(Path dir, String version, Map<String, String> sources)
      throws Exception {
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
        System.getProperty("java.class.path"), "--release", "17", "-proc:none"));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = dir.resolve("java").resolve(e.getKey() + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      args.add(file.toString());
    }
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null,
        args.toArray(new String[0]))).isZero();
    Path jar = dir.resolve("tally-" + version + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    return jar;
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

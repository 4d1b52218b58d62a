package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.HttpLoad;
import dev.molt.e2e.support.Releases;
import dev.molt.e2e.support.SharedBookRelease;
import dev.molt.e2e.support.UpgradeReleases;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's chain on one book_app node under continuous HTTP load from three client threads:
 * 0.1.0 -> 0.2.0 (redefine) -> 0.3.0 (update of BookService, its request counter migrated to
 * per-path counts) -> 0.4.0 (restart_application, a library bump: the counter carried over the
 * restart) -> 0.1.0 (downgrade by restart_application, the counts summed back), then the other
 * way round: 0.1.0 -> 0.4.0 (restart_application) -> 0.3.0 (restart_application) -> 0.2.0
 * (update, down) -> 0.1.0 (redefine). No request fails at a redefine or an update; at a restart
 * only connections fail (the port is closed for a moment), never with an HTTP error. The counter
 * and the books survive every step, and each version's behaviour is served in turn.
 */
class ServiceChainIT {
  /** The 404 body of 0.2.0 and later; 0.1.0's says only "no route /nope". */
  private static final String NEW_404 = "try /books, /stats or /health";
  private static Path v1;
  private static Path v2;
  private static Path v3;
  private static Path v4;

  @TempDir Path dir;
  private Node node;
  private int port;
  private final List<HttpLoad> loads = new ArrayList<>();
  private final List<String> timings = new ArrayList<>();

  @BeforeAll
  static void releases() throws Exception {
    v1 = SharedBookRelease.get().releaseDir();
    v2 = UpgradeReleases.v020();
    v3 = UpgradeReleases.v030();
    // 0.4.0's relup: up from 0.3.0 and 0.1.0, down to both
    v4 = UpgradeReleases.v040();
  }

  @AfterEach
  void stop() {
    loads.forEach(HttpLoad::stop);
    if (node != null) {
      node.close();
    }
    timings.forEach(System.out::println);
  }

  @Test
  void chain_01_02_03_04_01_andBack_04_03_02_01_underLoad_counterAndBooksSurviveEveryStep()
      throws Exception {
    node = new Node(Releases.copy(v1, dir.resolve("book_app")), "book_app");
    port = Ports.free();
    node.startAndAwait(port);
    UpgradeReleases.install(v2, "0.2.0", node.root());
    UpgradeReleases.install(v3, "0.3.0", node.root());
    UpgradeReleases.install(v4, "0.4.0", node.root());
    assertThat(Http.postForm(port, "/books", "title=Dune&author=Frank+Herbert").statusCode())
        .isEqualTo(201);
    for (int i = 0; i < 3; i++) {
      loads.add(HttpLoad.start(port));
    }
    awaitLoad();
    serves01();

    live("upgrade", "0.2.0", "ok +redefine book_app: BookHandler");
    serves02();
    long before03 = requests();
    live("upgrade", "0.3.0", "ok +update book_app: BookService 0\\.2\\.0 -> 0\\.3\\.0");
    serves03();
    assertThat(count(stats(), "\\(before 0\\.3\\.0\\)")).as("0.2.0's count under no path")
        .isGreaterThanOrEqualTo(before03);
    long before04 = requests();
    Map<String, Long> pathsBefore04 = paths();
    restart("upgrade", "0.4.0", "ok +restart_application book_app in a new class loader \\(0\\.4\\.0\\),"
        + " state carried: BookService by BookServiceMigration\\.up\\(\"0\\.3\\.0\", state\\)");
    serves04();
    assertThat(requests()).as("the counter carried over the restart").isGreaterThanOrEqualTo(before04);
    pathsBefore04.forEach((path, n) -> assertThat(paths().getOrDefault(path, 0L))
        .as("the count of %s carried over the restart", path).isGreaterThanOrEqualTo(n));
    long before01 = requests();
    restart("downgrade", "0.1.0", "ok +restart_application book_app in a new class loader"
        + " \\(0\\.1\\.0\\), state carried: BookService by BookServiceMigration\\.down\\(\"0\\.1\\.0\","
        + " state\\)");
    serves01();
    // a new implementation, constructed by 0.1.0's code (after a redefine it keeps its own)
    assertThat(health()).contains("\"version\":\"0.1.0\"");
    assertThat(requests()).as("the per-path counts summed back into 0.1.0's counter")
        .isGreaterThanOrEqualTo(before01);

    // the other way round
    long before04again = requests();
    restart("upgrade", "0.4.0", "ok +restart_application book_app in a new class loader \\(0\\.4\\.0\\),"
        + " state carried: BookService by BookServiceMigration\\.up\\(\"0\\.1\\.0\", state\\)");
    serves04();
    assertThat(count(stats(), "\\(before 0\\.3\\.0\\)")).as("0.1.0's count under no path")
        .isGreaterThanOrEqualTo(before04again);
    long before03again = requests();
    restart("downgrade", "0.3.0", "ok +restart_application book_app in a new class loader"
        + " \\(0\\.3\\.0\\), state carried: BookService by BookServiceMigration\\.down\\(\"0\\.3\\.0\","
        + " state\\)");
    serves03();
    assertThat(requests()).isGreaterThanOrEqualTo(before03again);
    long before02 = requests();
    live("downgrade", "0.2.0", "ok +update book_app: BookService 0\\.3\\.0 -> 0\\.2\\.0");
    serves02();
    assertThat(requests()).isGreaterThanOrEqualTo(before02);
    long before01again = requests();
    live("downgrade", "0.1.0", "ok +redefine book_app: BookHandler");
    serves01();
    assertThat(requests()).isGreaterThanOrEqualTo(before01again);

    long served = 0;
    int refused = 0;
    for (HttpLoad load : loads) {
      load.stop();
      served += load.succeeded();
      refused += load.failures().size();
      assertThat(load.failures()).as("failed requests: at restarts only connections")
          .allSatisfy(f -> assertThat(f).doesNotContain("-> HTTP"));
    }
    long counted = requests();
    timings.add("requests answered: " + served + ", failed to connect during restarts: " + refused
        + ", counted by the service: " + counted);
    assertThat(counted).as("every answered request of the clients is in the counter")
        .isGreaterThanOrEqualTo(served);
    assertThat(Http.get(port, "/books").body()).contains("Dune");
    assertThat(node.root().resolve("releases/upgrade.journal.json")).doesNotExist();
  }

  /** A move by redefine or update: no request may fail during it. */
  private void live(String command, String version, String stepPattern) {
    List<Integer> before = loads.stream().map(l -> l.failures().size()).toList();
    CommandResult r = move(command, version, stepPattern);
    for (int i = 0; i < loads.size(); i++) {
      List<String> f = loads.get(i).failures();
      assertThat(f.subList(before.get(i), f.size()))
          .as("failed requests during %s %s:%n%s", command, version, r.stdout()).isEmpty();
    }
  }

  /** A move by restart_application: requests fail only to connect while the app restarts. */
  private void restart(String command, String version, String stepPattern) {
    move(command, version, stepPattern);
    Http.awaitOk(port, "/health", Node.TIMEOUT);
    for (HttpLoad load : loads) {
      assertThat(load.failures()).as("requests during %s %s", command, version)
          .allSatisfy(f -> assertThat(f).doesNotContain("-> HTTP"));
    }
  }

  private CommandResult move(String command, String version, String stepPattern) {
    CommandResult r = node.run(Node.env(Map.of()), command, version);
    timings.add(command + " " + version + ":\n" + r.stdout());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout()).containsPattern(stepPattern)
        .contains("book_app " + version + " is running, permanent");
    assertThat(node.run(Node.env(Map.of()), "releases").stdout())
        .containsPattern(Pattern.quote(version) + " +permanent +running");
    awaitLoad();
    return r;
  }

  private void awaitLoad() {
    loads.forEach(l -> l.awaitMore(20, Node.TIMEOUT));
  }

  private void serves01() {
    assertThat(Http.get(port, "/nope").body()).contains("no route /nope").doesNotContain(NEW_404);
    assertThat(stats()).doesNotContain("paths");
  }

  private void serves02() {
    assertThat(Http.get(port, "/nope").body()).contains(NEW_404);
    HttpResponse<String> delete = send("DELETE", "/books");
    assertThat(delete.statusCode()).isEqualTo(405);
    assertThat(delete.headers().firstValue("Allow")).hasValue("GET, POST");
    assertThat(stats()).doesNotContain("paths");
  }

  private void serves03() {
    assertThat(Http.get(port, "/nope").body()).contains(NEW_404);
    assertThat(stats()).contains("\"paths\":{", "\"/stats\":");
    assertThat(health()).contains("\"version\":\"0.3.0\"");
  }

  private void serves04() {
    assertThat(stats()).contains("\"paths\":{", "\"/stats\":");
    assertThat(health()).contains("\"version\":\"0.4.0\"");
    assertThat(node.run(Node.env(Map.of()), "describe").stdout()).contains("h2 2.5.250");
  }

  private String health() {
    return Http.get(port, "/health").body();
  }

  private String stats() {
    return Http.get(port, "/stats").body();
  }

  private long requests() {
    String body = stats();
    Matcher m = Pattern.compile("\"requests\":(\\d+)").matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** 0.3.0's and 0.4.0's per-path counts. */
  private Map<String, Long> paths() {
    Map<String, Long> paths = new java.util.TreeMap<>();
    Matcher m = Pattern.compile("\"([^\"]+)\":(\\d+)").matcher(
        stats().replaceFirst("^.*\"paths\":\\{", ""));
    while (m.find()) {
      paths.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return paths;
  }

  private static long count(String stats, String pathRegex) {
    Matcher m = Pattern.compile("\"" + pathRegex + "\":(\\d+)").matcher(stats);
    return m.find() ? Long.parseLong(m.group(1)) : 0L;
  }

  private HttpResponse<String> send(String method, String path) {
    try {
      return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(5)).method(method, HttpRequest.BodyPublishers.noBody())
              .build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + ": " + e, e);
    }
  }
}

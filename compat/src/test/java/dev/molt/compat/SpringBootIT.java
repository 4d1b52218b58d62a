package dev.molt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.testsupport.maven.SampleProject;
import dev.molt.testsupport.maven.SampleProject.Build;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Commands;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spring Boot 4 as start.spring.io makes it (projects/bootweb): web, JDBC on H2, actuator, and
 * spring-boot-maven-plugin's repackage in the build. The port comes from {@code SERVER_PORT}. The
 * release 1.0.0 built here is also the start of the upgrade test, which builds 1.0.1 and its
 * upgrade package into {@code target/next/} while 1.0.0 runs from {@code target/rel/}, then
 * upgrades the running node to it live while a client keeps calling the controller, and back.
 */
class SpringBootIT {
  private static final String TARBALL = "prev/bootweb-1.0.0.tar.gz";
  private static final String HELLO = "Hello from Spring Boot, H2 says 42";
  private static final String HI = "Hi from Spring Boot, H2 says 42";

  @TempDir static Path work;
  private static SampleProject project;
  private static Node node;
  private static int port;

  @BeforeAll
  static void buildAndStart() throws Exception {
    project = SampleProject.copy("bootweb", work);
    ProjectRelease.mvnOk(project, "molt:init");
    ProjectRelease.mvnOk(project, "package", "molt:release", "-Dmolt.env=prod");
    Path prev = Files.createDirectories(project.dir().resolve("prev"));
    Files.copy(project.dir().resolve("target/bootweb-1.0.0.tar.gz"), project.dir().resolve(TARBALL));
    node = new Node(project.dir().resolve("target/rel/bootweb"), "bootweb");
    port = Ports.free();
    node.startAndAwait(Node.env(Map.of("SERVER_PORT", Integer.toString(port))), port,
        "/actuator/health");
    assertThat(prev).isDirectory();
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void restController_queriesH2ThroughJdbcTemplate() {
    HttpResponse<String> response = Http.get(port, "/greeting");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("Hello from Spring Boot, H2 says 42");
  }

  @Test
  void actuatorHealth_isUp() {
    HttpResponse<String> response = Http.get(port, "/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void controllerBodyChange_plansARedefineOfThatControllerOnly_runsLiveUnderLoad_andBack()
      throws Exception {
    replace(project.dir().resolve("src/main/java/com/example/bootweb/GreetingController.java"),
        "\"Hello from Spring Boot, H2 says \"", "\"Hi from Spring Boot, H2 says \"");
    replace(project.dir().resolve("pom.xml"), "<version>1.0.0</version>",
        "<version>1.0.1</version>");

    Build build = ProjectRelease.mvnOk(project, "package", "molt:release", "-Dmolt.env=prod",
        "-Dmolt.outputDirectory=target/next", "molt:plan", "molt:upgrade-package",
        "-Dmolt.upfrom=" + TARBALL);

    assertThat(build.output()).contains("Release bootweb 1.0.0 -> 1.0.1");
    assertThat(steps(build.output(), "Up (1.0.0 -> 1.0.1):")).as("%s", build.output())
        .containsExactly("1. redefine bootweb GreetingController");

    // what an operator does with the package until the node unpacks it itself: extract it into
    // the release root (its entries sit under bootweb/)
    CommandResult extracted = Commands.run(List.of("tar", "-xzf",
            project.dir().resolve("target/next/bootweb-1.0.1-upgrade.tar.gz").toString(),
            "--strip-components=1", "-C", node.root().toString()),
        node.root(), Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(60));
    assertThat(extracted.exitCode()).as(extracted.toString()).isZero();
    try (GreetingLoad load = new GreetingLoad(port)) {
      load.awaitMore(20);
      CommandResult up = node.run(Node.env(Map.of()), "upgrade", "1.0.1");
      System.out.println(up.stdout()); // the steps and their times, for the build log
      assertThat(up.exitCode()).as(up.toString()).isZero();
      assertThat(up.stdout()).containsPattern("ok +redefine bootweb: GreetingController")
          .contains("bootweb 1.0.1 is running, permanent");
      load.awaitMore(20);
      assertThat(Http.get(port, "/greeting").body()).isEqualTo(HI);

      CommandResult down = node.run(Node.env(Map.of()), "downgrade", "1.0.0");
      assertThat(down.exitCode()).as(down.toString()).isZero();
      load.awaitMore(20);
      assertThat(load.failures()).as("failed calls of the controller").isEmpty();
      assertThat(load.bodies()).as("every answer was the old or the new body")
          .containsExactlyInAnyOrder(HELLO, HI);
    }
    assertThat(Http.get(port, "/greeting").body()).isEqualTo(HELLO);
    assertThat(node.run(Node.env(Map.of()), "releases").stdout())
        .containsPattern("1\\.0\\.0 +permanent +running").containsPattern("1\\.0\\.1 +old\\s");
  }

  /** Calls GET /greeting in a loop on one thread until closed; remembers failures and bodies. */
  private static final class GreetingLoad implements AutoCloseable {
    private final int port;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger ok = new AtomicInteger();
    private final Set<String> bodies = ConcurrentHashMap.newKeySet();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread thread = new Thread(this::loop, "compat-greeting-load");

    GreetingLoad(int port) {
      this.port = port;
      thread.setDaemon(true);
      thread.start();
    }

    private void loop() {
      while (!stop.get()) {
        try {
          HttpResponse<String> r = Http.get(port, "/greeting");
          if (r.statusCode() == 200) {
            bodies.add(r.body());
            ok.incrementAndGet();
          } else {
            failures.add("HTTP " + r.statusCode() + " " + r.body());
          }
        } catch (AssertionError | RuntimeException e) {
          failures.add(e.toString());
        }
      }
    }

    /** Waits (at most 60 s) until {@code n} more calls succeeded. */
    void awaitMore(int n) throws InterruptedException {
      int target = ok.get() + n;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (ok.get() < target && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(ok.get()).as("calls answered; failures: %s", failures).isGreaterThanOrEqualTo(target);
    }

    List<String> failures() {
      return List.copyOf(failures);
    }

    Set<String> bodies() {
      return Set.copyOf(bodies);
    }

    @Override
    public void close() {
      stop.set(true);
      try {
        thread.join(TimeUnit.SECONDS.toMillis(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The numbered steps under {@code title} in the plan mvn printed (markers left out). */
  private static List<String> steps(String output, String title) {
    List<String> lines = output.lines().map(l -> l.replaceFirst("^\\[INFO\\]\\s*", "")).toList();
    int start = lines.indexOf(title);
    assertThat(start).as("no '%s' in the plan:%n%s", title, output).isNotNegative();
    return lines.subList(start + 1, lines.size()).stream()
        .takeWhile(l -> l.matches("\\d+\\. .*|-- point_of_no_return --"))
        .filter(l -> !l.startsWith("--"))
        .toList();
  }

  private static void replace(Path file, String from, String to) throws Exception {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }
}

package dev.molt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.testsupport.maven.SampleProject;
import dev.molt.testsupport.maven.SampleProject.Build;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spring Boot 4 as start.spring.io makes it (projects/bootweb): web, JDBC on H2, actuator, and
 * spring-boot-maven-plugin's repackage in the build. The port comes from {@code SERVER_PORT}. The
 * release 1.0.0 built here is also the start of the upgrade plan test, which builds 1.0.1 into
 * {@code target/next/} while 1.0.0 runs from {@code target/rel/}.
 */
class SpringBootIT {
  private static final String TARBALL = "prev/bootweb-1.0.0.tar.gz";

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
  void plan_controllerBodyChange_isARedefineOfThatControllerOnly() throws Exception {
    replace(project.dir().resolve("src/main/java/com/example/bootweb/GreetingController.java"),
        "\"Hello from Spring Boot, H2 says \"", "\"Hi from Spring Boot, H2 says \"");
    replace(project.dir().resolve("pom.xml"), "<version>1.0.0</version>",
        "<version>1.0.1</version>");

    Build build = ProjectRelease.mvnOk(project, "package", "molt:release", "-Dmolt.env=prod",
        "-Dmolt.outputDirectory=target/next", "molt:plan", "-Dmolt.upfrom=" + TARBALL);

    assertThat(build.output()).contains("Release bootweb 1.0.0 -> 1.0.1");
    assertThat(steps(build.output(), "Up (1.0.0 -> 1.0.1):")).as("%s", build.output())
        .containsExactly("1. redefine bootweb GreetingController");
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

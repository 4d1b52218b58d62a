package dev.molt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.testkit.Http;
import dev.molt.testkit.Node;
import dev.molt.testkit.Ports;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spring Boot 4 as start.spring.io makes it (projects/bootweb): web, JDBC on H2, actuator, and
 * spring-boot-maven-plugin's repackage in the build. The port comes from {@code SERVER_PORT}.
 */
class SpringBootIT {
  @TempDir static Path work;
  private static Node node;
  private static int port;

  @BeforeAll
  static void buildAndStart() throws Exception {
    node = ProjectRelease.build("bootweb", work);
    port = Ports.free();
    node.startAndAwait(Node.env(Map.of("SERVER_PORT", Integer.toString(port))), port,
        "/actuator/health");
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
}

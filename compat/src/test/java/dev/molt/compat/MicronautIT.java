package dev.molt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Micronaut 4 (projects/mnapp): compile-time injection, Netty, the port from
 * {@code PORT} through application.properties.
 */
class MicronautIT {
  @TempDir static Path work;
  private static Node node;
  private static int port;

  @BeforeAll
  static void buildAndStart() throws Exception {
    node = ProjectRelease.build("mnapp", work);
    port = Ports.free();
    node.startAndAwait(Node.envWithPort(port), port, "/hello");
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void controller_answersOverNetty() {
    HttpResponse<String> response = Http.get(port, "/hello");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("Hello from Micronaut");
  }
}

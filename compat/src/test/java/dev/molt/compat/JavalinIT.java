package dev.molt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Javalin 6 with slf4j-simple (projects/javalinapp): one route, logging through SLF4J. */
class JavalinIT {
  @TempDir static Path work;
  private static Node node;
  private static int port;

  @BeforeAll
  static void buildAndStart() throws Exception {
    node = ProjectRelease.build("javalinapp", work);
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
  void route_answersOverHttp() {
    HttpResponse<String> response = Http.get(port, "/hello");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("Hello from Javalin");
  }

  @Test
  void slf4j_findsSlf4jSimple_appLogLineInNodeLog_noMissingProviderWarning()
      throws InterruptedException {
    // main logs the line after Javalin's start returns, so the route may answer a moment before
    String line = "hello-javalin serving on port " + port;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String log = node.log();
    while (!log.contains(line) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      log = node.log();
    }

    assertThat(log).contains(line).doesNotContain("No SLF4J providers were found");
  }
}

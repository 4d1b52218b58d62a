package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.Fixture;
import dev.molt.e2e.support.Releases;
import dev.molt.release.ReleaseResult;
import dev.molt.testsupport.jdk.Temurin25;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same release built with an embedded runtime linked from Temurin 25 ({@link Temurin25}:
 * {@code -Dmolt.temurin25}, by default /usr/lib/jvm/temurin-25-jdk-amd64): the kernel, built for
 * Java 17, boots on 25, and its control channel, rpc, eval and Java shell work there.
 * Skipped, saying so, when that JDK is not installed; failed when the property names no Temurin 25.
 */
class Temurin25IT {
  private Node node;

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void releaseLinkedFromTemurin25_startsServesOperatesAndStops(@TempDir Path out) throws Exception {
    Path jdk = Temurin25.home();

    ReleaseResult built = Releases.build(
        Fixture.bookApp(), Fixture.bookApp().relDir(), "prod", out, Optional.of(jdk));
    assertThat(built.descriptor().runtime().embedded()).isTrue();
    assertThat(built.descriptor().runtime().javaVersion()).startsWith("25");
    node = new Node(built.releaseDir(), "book_app");

    int port = Ports.free();
    node.startAndAwait(port);
    assertThat(Http.postForm(port, "/books", "title=Hyperion&author=Dan+Simmons").statusCode())
        .isEqualTo(201);
    assertThat(Http.get(port, "/books").body()).contains("Hyperion");
    long pid = node.pidFromFile().orElseThrow();
    assertThat(ProcessHandle.of(pid).flatMap(h -> h.info().command()))
        .hasValueSatisfying(c -> assertThat(c).endsWith("runtime/bin/java"));

    Map<String, String> env = Node.envWithPort(port);
    CommandResult rpc = node.run(env, "rpc", "java.lang.Runtime.version");
    assertThat(rpc.stdout()).as(rpc.toString()).startsWith("25");
    CommandResult console = node.runWithInput(env,
        "dev.molt.fixtures.book.BookApp.service().books().size()\n/exit\n", "remote_console");
    assertThat(console.output()).as(console.toString()).contains("$1 ==> 1");
    CommandResult eval = node.run(env, "eval", "java.lang.Runtime.version");
    assertThat(eval.stdout()).as(eval.toString()).startsWith("25");
    assertThat(node.log()).as("no CDS noise in the log on 25").doesNotContain("[error][cds]");

    CommandResult describe = node.run(Node.env(Map.of()), "describe");
    assertThat(describe.exitCode()).as(describe.toString()).isZero();
    assertThat(Files.readString(node.root().resolve("runtime/release")))
        .contains("JAVA_VERSION=\"25");
    CommandResult stop = node.run(Node.env(Map.of()), "stop");
    assertThat(stop.exitCode()).as(stop.toString()).isZero();
  }
}

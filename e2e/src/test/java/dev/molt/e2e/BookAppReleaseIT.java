package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.NoJavaEnvironment;
import dev.molt.e2e.support.SharedBookRelease;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The book_app prod release driven through bin/book_app, as a user would. */
class BookAppReleaseIT {
  @TempDir static Path classDir;
  private static Node node;

  @BeforeAll
  static void copyRelease() throws Exception {
    node = SharedBookRelease.copyTo(classDir);
  }

  @AfterEach
  void stopNode() {
    node.close();
  }

  @Test
  void startCallStopStart_booksSurviveInH2() {
    int port = Ports.free();
    node.startAndAwait(port);

    assertThat(Http.postForm(port, "/books", "title=Dune&author=Frank+Herbert").statusCode())
        .isEqualTo(201);
    assertThat(Http.postForm(port, "/books", "title=Emma&author=Jane+Austen").statusCode())
        .isEqualTo(201);
    HttpResponse<String> books = Http.get(port, "/books");
    assertThat(books.statusCode()).isEqualTo(200);
    assertThat(books.body()).contains("\"title\":\"Dune\"", "\"author\":\"Jane Austen\"");
    assertThat(Http.get(port, "/stats").body()).contains("\"requests\":");

    CommandResult ping = node.run(Node.env(Map.of()), "ping");
    assertThat(ping.exitCode()).as(ping.toString()).isZero();
    assertThat(ping.stdout()).contains("pong");

    long pid = node.pidFromFile().orElseThrow();
    CommandResult pidCommand = node.run(Node.env(Map.of()), "pid");
    assertThat(pidCommand.exitCode()).as(pidCommand.toString()).isZero();
    assertThat(pidCommand.stdout().trim()).isEqualTo(Long.toString(pid));
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

    CommandResult describe = node.run(Node.env(Map.of()), "describe");
    assertThat(describe.exitCode()).as(describe.toString()).isZero();
    assertThat(describe.stdout()).contains("book_app", "0.1.0", "h2", "2.5.252", "runtime");

    CommandResult stop = node.run(Node.env(Map.of()), "stop");
    assertThat(stop.exitCode()).as(stop.toString()).isZero();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(node.pidFile()).doesNotExist();
    CommandResult pingStopped = node.run(Node.env(Map.of()), "ping");
    assertThat(pingStopped.exitCode()).as("ping of a stopped node exits 3 (docs/commands.md): %s", pingStopped)
        .isEqualTo(3);

    int secondPort = Ports.free();
    node.startAndAwait(secondPort);
    assertThat(Http.get(secondPort, "/books").body()).contains("Dune", "Emma");
    assertThat(node.root().resolve("var/book_app/books.mv.db")).exists();
  }

  @Test
  void restart_restartsAppsInTheSameJvm_reboot_replacesTheJvm_booksKept() {
    int port = Ports.free();
    node.startAndAwait(port);
    assertThat(Http.postForm(port, "/books", "title=Solaris&author=Stanislaw+Lem").statusCode())
        .isEqualTo(201);
    for (int i = 0; i < 5; i++) {
      Http.get(port, "/books");
    }
    long countedBefore = requests(port);
    long before = node.pidFromFile().orElseThrow();

    CommandResult restart = node.run(Node.envWithPort(port), "restart");
    assertThat(restart.exitCode()).as(restart + "\n" + node.log()).isZero();
    assertThat(restart.stdout()).contains("restarted 1 app(s)");
    Http.awaitOk(port, "/health", Node.TIMEOUT);
    assertThat(node.pidFromFile().orElseThrow()).as("restart keeps the JVM").isEqualTo(before);
    assertThat(requests(port)).as("a new BookService counts from zero").isLessThan(countedBefore);
    assertThat(Http.get(port, "/books").body()).contains("Solaris");

    CommandResult reboot = node.run(Node.envWithPort(port), "reboot");
    assertThat(reboot.exitCode()).as(reboot + "\n" + node.log()).isZero();
    Http.awaitOk(port, "/health", Node.TIMEOUT);
    assertThat(node.pidFromFile().orElseThrow()).as("reboot starts a new JVM").isNotEqualTo(before);
    assertThat(Http.get(port, "/books").body()).contains("Solaris");
  }

  private static long requests(int port) {
    String body = Http.get(port, "/stats").body();
    return Long.parseLong(body.replaceAll("[^0-9]", ""));
  }

  @Test
  void startWithoutJavaOnPathOrJavaHome_runsOnEmbeddedRuntime() {
    int port = Ports.free();
    Map<String, String> env = NoJavaEnvironment.create(Map.of("PORT", Integer.toString(port)));
    CommandResult noJava =
        node.runFrom(classDir, Path.of("/bin/sh"), env, "-c", "command -v java");
    assertThat(noJava.exitCode()).as("java must not be found: " + noJava).isNotZero();

    CommandResult start = node.run(env, "start");
    assertThat(start.exitCode()).as(start + "\n" + node.log()).isZero();
    Http.awaitOk(port, "/health", Node.TIMEOUT);

    long pid = node.pidFromFile().orElseThrow();
    assertThat(ProcessHandle.of(pid).flatMap(h -> h.info().command()))
        .as("the node's JVM").hasValueSatisfying(
            command -> assertThat(command).endsWith("runtime/bin/java"));
    assertThat(start.output() + node.log()).containsAnyOf("runtime/bin/java", "embedded");
    CommandResult stop = node.run(env, "stop");
    assertThat(stop.exitCode()).as(stop.toString()).isZero();
  }

  @Test
  void foreground_runsUntilStopped_thenExitsZero() throws Exception {
    int port = Ports.free();
    ProcessBuilder builder = new ProcessBuilder(node.script().toString(), "foreground")
        .directory(classDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(classDir.resolve("foreground.out").toFile());
    builder.environment().clear();
    builder.environment().putAll(Node.envWithPort(port));
    Process foreground = builder.start();
    try {
      Http.awaitOk(port, "/health", Node.TIMEOUT);
      assertThat(foreground.isAlive()).isTrue();
      CommandResult stop = node.run(Node.env(Map.of()), "stop");
      assertThat(stop.exitCode()).as(stop.toString()).isZero();
      assertThat(foreground.waitFor(Node.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
          .as("foreground ends after stop").isTrue();
      assertThat(foreground.exitValue())
          .as("exit code after SIGTERM (release-layout.md: exits 0)\n"
              + Files.readString(classDir.resolve("foreground.out"))
              + "runtime/release: " + Files.readString(node.root().resolve("runtime/release")))
          .isZero();
    } finally {
      foreground.descendants().forEach(ProcessHandle::destroyForcibly);
      foreground.destroyForcibly();
    }
  }

  @Test
  void versionAndHelp_answerWithoutStartingTheNode() {
    CommandResult version = node.run(Node.env(Map.of()), "version");
    assertThat(version.exitCode()).as(version.toString()).isZero();
    assertThat(version.stdout()).contains("0.1.0");

    CommandResult help = node.run(Node.env(Map.of()), "help");
    assertThat(help.exitCode()).as(help.toString()).isZero();
    assertThat(help.stdout()).contains("foreground", "start", "stop", "ping", "describe");
    assertThat(node.pidFile()).doesNotExist();
  }
}

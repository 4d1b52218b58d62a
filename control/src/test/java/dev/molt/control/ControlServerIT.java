package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server and client over real Unix sockets: requests, consoles, socket file lifecycle. */
class ControlServerIT {
  // JUnit's temp dirs live under /tmp with short names, well inside the ~100-byte socket path limit.
  @TempDir Path dir;

  private Path socket() {
    return dir.resolve("tmp").resolve("ctl.sock");
  }

  @Test
  void call_roundTrip_returnsHandlerResponse() throws Exception {
    try (TestNode node = new TestNode(socket()); ControlClient client = node.client()) {
      Response response = client.call(new Request("rpc", List.of("A.b", "x y"), Optional.of("script")));
      assertThat(response.status()).isEqualTo(Response.Status.OK);
      assertThat(response.output()).isEqualTo("rpc A.b,x y <script>");
      assertThat(client.call(Request.of("ping")).output()).isEqualTo("ping ");
      assertThat(node.calls).hasValue(2);
      assertThat(node.events).filteredOn(e -> e.kind() == ControlEvent.Kind.AUTHENTICATED).first()
          .satisfies(e -> assertThat(e.peer()).hasValue("user " + System.getProperty("user.name")));
    }
  }

  @Test
  void start_socketAndDirectory_areOwnerOnly() throws Exception {
    try (TestNode node = new TestNode(socket())) {
      assertThat(node.server.socket()).isEqualTo(socket());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket()))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket().getParent())))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void close_deletesSocketFile() throws Exception {
    TestNode node = new TestNode(socket());
    node.close();
    assertThat(socket()).doesNotExist();
  }

  @Test
  void close_cutsOpenSessions() throws Exception {
    TestNode node = new TestNode(socket());
    try (ControlClient client = node.client()) {
      node.close();
      assertThatThrownBy(() -> client.call(Request.of("ping"))).isInstanceOf(ConnectionClosedException.class)
          .hasMessageContaining("the node may have stopped");
    }
  }

  @Test
  void start_staleSocketFile_isReplaced() throws Exception {
    Files.createDirectories(socket().getParent());
    ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    dead.bind(UnixDomainSocketAddress.of(socket()));
    dead.close(); // closing a Unix server channel leaves its file behind, as a crashed node would
    assertThat(socket()).exists();
    try (TestNode node = new TestNode(socket()); ControlClient client = node.client()) {
      assertThat(client.call(Request.of("ping")).exitCode()).isZero();
    }
  }

  @Test
  void start_liveServerOnPath_refuses() throws Exception {
    try (TestNode node = new TestNode(socket())) {
      assertThatThrownBy(() -> new TestNode(socket())).isInstanceOf(NodeAlreadyRunningException.class)
          .hasMessageContaining("another node is listening on " + socket());
      try (ControlClient client = node.client()) {
        assertThat(client.call(Request.of("ping")).exitCode()).isZero();
      }
    }
  }

  @Test
  void start_regularFileOnPath_refuses() throws Exception {
    Files.createDirectories(socket().getParent());
    Files.writeString(socket(), "not a socket");
    assertThatThrownBy(() -> new TestNode(socket())).isInstanceOf(ControlException.class)
        .hasMessageContaining("is not a socket");
    assertThat(socket()).hasContent("not a socket");
  }

  @Test
  void call_handlerThrows_returnsChainAndServerKeepsServing() throws Exception {
    try (TestNode node = new TestNode(socket()); ControlClient client = node.client()) {
      Response response = client.call(Request.of("throw"));
      assertThat(response.status()).isEqualTo(Response.Status.EXCEPTION);
      assertThat(response.exitCode()).isEqualTo(1);
      assertThat(response.thrown()).extracting(Object::toString)
          .containsExactly("java.lang.IllegalStateException: outer", "java.io.IOException: inner cause");
      assertThat(response.error()).contains("Caused by: java.io.IOException: inner cause");
      assertThat(client.call(Request.of("ping")).exitCode()).isZero();
      assertThat(node.saw(ControlEvent.Kind.HANDLER_FAILED)).isTrue();
    }
  }

  @Test
  void call_runsWithConfiguredContextLoader_andResetsIt() throws Exception {
    ClassLoader appLoader = new ClassLoader(null) { };
    AtomicReference<ClassLoader> seen = new AtomicReference<>();
    RequestHandler handler = (r, s) -> {
      seen.set(Thread.currentThread().getContextClassLoader());
      return Response.ok("");
    };
    try (ControlServer server = ControlServer.builder(socket(), TestNode.cookie(), handler)
            .contextClassLoader(() -> appLoader).maxConnections(1).start();
        ControlClient client = ControlClient.connect(socket(), TestNode.cookie(), Duration.ofSeconds(5))) {
      client.call(Request.of("rpc"));
      assertThat(seen.get()).isSameAs(appLoader);
      assertThat(server.tlsPort()).as("no TCP listener unless configured").isEmpty();
    }
  }

  @Test
  void connect_overConnectionLimit_isRefusedAsBusy() throws Exception {
    try (TestNode node = new TestNode(socket(), b -> b.maxConnections(1)); ControlClient first = node.client()) {
      assertThatThrownBy(node::client).isInstanceOf(ControlException.class).hasMessageContaining("busy");
      assertThat(node.saw(ControlEvent.Kind.REJECTED_BUSY)).isTrue();
      assertThat(first.call(Request.of("ping")).exitCode()).isZero();
    }
  }

  @Test
  void console_echoesLinesUntilClientClosesInput() throws Exception {
    StreamHandler echo = (request, stream, session) -> {
      java.io.BufferedReader in = new java.io.BufferedReader(
          new java.io.InputStreamReader(stream.in(), StandardCharsets.UTF_8));
      stream.out().print("jshell> ");
      int lines = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines++;
        stream.out().println("=> " + line.toUpperCase());
        stream.err().println("note " + lines);
      }
      return Response.ok("bye after " + lines + "\n");
    };
    try (TestNode node = new TestNode(socket(), b -> b.streamHandler(echo)); ControlClient client = node.client()) {
      ConsoleSession console = client.openConsole(Request.of("remote_console"));
      console.input().write("hello\nworld\n".getBytes(StandardCharsets.UTF_8));
      console.closeInput();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Response end = console.await(out, err);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("jshell> => HELLO\n=> WORLD\n");
      assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("note 1\nnote 2\n");
      assertThat(end.output()).isEqualTo("bye after 2\n");
      assertThat(client.call(Request.of("ping")).exitCode()).as("session usable after the console").isZero();
    }
  }

  @Test
  void console_clientLeavesMidStream_nodeKeepsServing() throws Exception {
    java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
    StreamHandler console = (request, stream, session) -> {
      stream.out().println("ready");
      while (stream.in().read() >= 0) {
        stream.out().println("typed");
      }
      ended.countDown();
      return Response.ok("");
    };
    try (TestNode node = new TestNode(socket(), b -> b.streamHandler(console))) {
      ControlClient leaving = node.client();
      ConsoleSession session = leaving.openConsole(Request.of("remote_console"));
      session.input().write('x');
      assertThatThrownBy(() -> leaving.call(Request.of("ping"))).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("console stream is open");
      leaving.close(); // no STREAM_END: the terminal just went away
      assertThat(ended.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("handler saw end of input").isTrue();
      try (ControlClient next = node.client()) {
        assertThat(next.call(Request.of("ping")).exitCode()).isZero();
      }
    }
  }

  @Test
  void console_withoutStreamHandler_failsWithExitTwo() throws Exception {
    try (TestNode node = new TestNode(socket()); ControlClient client = node.client()) {
      Response end = client.openConsole(Request.of("remote_console"))
          .await(new ByteArrayOutputStream(), new ByteArrayOutputStream());
      assertThat(end.exitCode()).isEqualTo(2);
      assertThat(end.error()).contains("'remote_console' is not interactive");
    }
  }

  @Test
  void call_responseOverFrameLimit_becomesFailure() throws Exception {
    RequestHandler big = (r, s) -> Response.ok("x".repeat(5000));
    try (ControlServer server = ControlServer.builder(socket(), TestNode.cookie(), big).maxFrameBytes(4096).start();
        ControlClient client = ControlClient.connect(socket(), TestNode.cookie(), Duration.ofSeconds(5))) {
      Response response = client.call(Request.of("describe"));
      assertThat(server.socket()).isEqualTo(socket());
      assertThat(response.exitCode()).isEqualTo(1);
      assertThat(response.error()).contains("frame limit of 4096 bytes");
      assertThatThrownBy(() -> client.call(Request.of("rpc").withInput("y".repeat(5000))))
          .isInstanceOf(ControlException.class).hasMessageContaining("node's frame limit of 4096");
    }
  }
}

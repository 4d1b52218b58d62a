package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ClientMain} as bin/<name> runs it: a separate JVM against a live server. */
class ClientMainIT {
  @TempDir Path dir;

  private record Result(int exitCode, String out, String err) {}

  private Path socket() {
    return dir.resolve("tmp").resolve("ctl.sock");
  }

  private Path cookieFile() throws Exception {
    return CookieFiles.write(dir.resolve("COOKIE"), TestNode.COOKIE + "\n");
  }

  private Result client(List<String> prefix, Map<String, String> env, String stdin, String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classes = Path.of(ClientMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(java, "-cp", classes, ClientMain.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove(Cookie.ENV);
    builder.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("client finished").isTrue();
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      process.destroyForcibly();
    }
  }

  private Result client(String stdin, String... args) throws Exception {
    return client(List.of(), Map.of(), stdin, args);
  }

  @Test
  void call_printsOutputAndExitsWithCommandsCode() throws Exception {
    RequestHandler handler = (r, s) -> r.command().equals("fail") ? Response.failed(7, "it failed\n")
        : Response.ok("got " + r.args() + r.input().map(i -> " " + i.strip()).orElse("") + "\n");
    try (ControlServer server = ControlServer.builder(socket(), TestNode.cookie(), handler).start()) {
      Result ok = client("", server.socket().toString(), cookieFile().toString(), "rpc", "A.b", "1");
      assertThat(ok).isEqualTo(new Result(0, "got [A.b, 1]\n", ""));
      Result input = client("script body\n", "--stdin", socket().toString(), cookieFile().toString(), "rpc");
      assertThat(input.out()).isEqualTo("got [] script body\n");
      Result failed = client("", socket().toString(), cookieFile().toString(), "fail");
      assertThat(failed).isEqualTo(new Result(7, "", "it failed\n"));
    }
  }

  @Test
  void stream_sendsStdinAndPrintsOutput() throws Exception {
    StreamHandler console = (r, stream, s) -> {
      byte[] all = stream.in().readAllBytes();
      stream.out().print("read " + all.length + " bytes");
      return Response.ok("\n");
    };
    try (ControlServer server = ControlServer.builder(socket(), TestNode.cookie(), (r, s) -> Response.ok(""))
        .streamHandler(console).start()) {
      Result result = client("1 + 1\n", "--stream", server.socket().toString(), cookieFile().toString(), "remote_console");
      assertThat(result).isEqualTo(new Result(0, "read 6 bytes\n", ""));
    }
  }

  @Test
  void exitCodes_notRunningAndWrongCookie() throws Exception {
    Result notRunning = client("", "--name", "book_app", socket().toString(), cookieFile().toString(), "ping");
    assertThat(notRunning.exitCode()).isEqualTo(3);
    assertThat(notRunning.err()).contains("book_app is not running (no control socket at " + socket() + ")");
    try (TestNode node = new TestNode(socket())) {
      Result wrong = client(List.of(), Map.of(Cookie.ENV, "wrong"), "", socket().toString(), cookieFile().toString(),
          "ping");
      assertThat(wrong.exitCode()).isEqualTo(4);
      assertThat(wrong.err()).contains("the node rejected the cookie; check releases/COOKIE or MOLT_COOKIE");
      assertThat(node.calls).hasValue(0);
    }
  }

  @Test
  void socketDirectoryALinkOrWritableByOthers_exit6_neverConnects() throws Exception {
    try (TestNode node = new TestNode(socket())) {
      Path planted = Files.createSymbolicLink(dir.resolve("molt-planted"), socket().getParent());
      Result linked = client("", planted.resolve("ctl.sock").toString(), cookieFile().toString(), "ping");
      assertThat(linked.exitCode()).as(linked.err()).isEqualTo(6);
      assertThat(linked.err()).contains(planted + ", the directory of the control socket, is a symbolic link");
      Files.setPosixFilePermissions(socket().getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
      Result open = client("", socket().toString(), cookieFile().toString(), "ping");
      assertThat(open.exitCode()).as(open.err()).isEqualTo(6);
      assertThat(open.err()).contains(socket().getParent() + ", the directory of the control socket, is"
          + " writable by other users");
      assertThat(node.connectionsBeforeProbe()).as("connections before the probe").isZero();
      assertThat(node.calls).hasValue(0);
    }
  }

  @Test
  void anotherUser_isDeniedByDirectoryAndSocketModes() throws Exception {
    assumeThat(System.getProperty("user.name")).as("needs root to run a client as another user").isEqualTo("root");
    assumeThat(new File("/usr/bin/setpriv")).as("needs setpriv").exists();
    List<String> asNobody = List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
    Map<String, String> env = Map.of(Cookie.ENV, TestNode.COOKIE); // the real cookie: only file modes stop it
    try (TestNode node = new TestNode(socket())) {
      Result byDirectory = client(asNobody, env, "", socket().toString(), "/nonexistent", "ping");
      assertThat(byDirectory.exitCode()).as(byDirectory.err()).isEqualTo(6);
      assertThat(byDirectory.err()).contains("permission denied on the control socket " + socket());
      // Open the directories for searching: the socket's own 0600 must still keep the other user out.
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
      Files.setPosixFilePermissions(socket().getParent(), PosixFilePermissions.fromString("rwx--x--x"));
      Result bySocket = client(asNobody, env, "", socket().toString(), "/nonexistent", "ping");
      assertThat(bySocket.exitCode()).as(bySocket.err()).isEqualTo(6);
      assertThat(node.connectionsBeforeProbe()).as("connections before the probe").isZero();
      assertThat(node.calls).hasValue(0);
    }
  }
}

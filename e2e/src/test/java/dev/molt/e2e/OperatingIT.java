package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.Fixture;
import dev.molt.e2e.support.SharedBookRelease;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operating a running book_app release through bin/book_app and its control channel: the
 * Distillery tutorial's flow (post_start migration, a seed command, a remote console), rpc and
 * eval, reload_config, hooks, and the channel's refusals.
 */
class OperatingIT {
  private static final String TASKS = "dev.molt.fixtures.book.ReleaseTasks";
  @TempDir Path dir;
  private Node node;
  private int port;
  private Map<String, String> env;

  @BeforeEach
  void copyRelease() throws Exception {
    node = SharedBookRelease.copyTo(dir);
    port = Ports.free();
    env = Node.envWithPort(port);
  }

  @AfterEach
  void stopNode() {
    node.close();
  }

  @Test
  void tutorial_postStartMigrates_seedCommand_booksServed_remoteConsole_stopHooks() {
    hook("pre_stop", "10-mark.sh", "echo \"$MOLT_HOOK_PHASE $RELEASE_VSN\" > \"$RELEASE_ROOT/var/pre_stop.mark\"");
    hook("post_stop", "10-mark.sh", "echo \"$MOLT_HOOK_PHASE\" > \"$RELEASE_ROOT/var/post_stop.mark\"");

    CommandResult start = node.startAndAwait(port);
    assertThat(start.output()).as(start.toString())
        .contains("running post_start hook 10-migrate.sh", "applied 1 migration");

    CommandResult seed = node.run(env, "seed");
    assertThat(seed.exitCode()).as(seed + "\n" + node.log()).isZero();
    assertThat(seed.output()).containsPattern("seeded [1-9][0-9]* books");
    assertThat(Http.get(port, "/books").body()).contains("The Left Hand of Darkness");

    Http.get(port, "/books");
    CommandResult console = node.runWithInput(env,
        "long n = dev.molt.fixtures.book.BookApp.service().requests();\n"
            + "n > 0\n/exit\n", "remote_console");
    assertThat(console.exitCode()).as(console.toString()).isZero();
    assertThat(console.output()).contains("==> true");
    assertThat(node.run(env, "ping").exitCode()).as("leaving the console keeps the node").isZero();

    CommandResult stop = node.run(env, "stop");
    assertThat(stop.exitCode()).as(stop.toString()).isZero();
    assertThat(read(node.root().resolve("var/pre_stop.mark"))).isEqualTo("pre_stop 0.1.0\n");
    assertThat(read(node.root().resolve("var/post_stop.mark"))).isEqualTo("post_stop\n");
  }

  @Test
  void rpc_staticCallsExpressionsAndFiles_failuresComeBackAndTheNodeKeepsServing() throws Exception {
    node.startAndAwait(port);

    assertThat(node.run(env, "rpc", "java.lang.Math.max", "3", "4").stdout()).isEqualTo("4\n");
    CommandResult expression = node.run(env, "rpc", "1 + 2");
    assertThat(expression.stdout()).as(expression.toString()).isEqualTo("3\n");
    Path script = dir.resolve("count.jsh");
    Files.writeString(script, "int twice(int x) { return 2 * x; }\ntwice(21)\n");
    CommandResult file = node.run(env, "rpc", "--file", script.toString());
    assertThat(file.stdout()).as(file.toString()).isEqualTo("42\n");

    assertThat(node.run(env, "rpc", "--app", "h2", "org.h2.engine.Constants.VERSION_MAJOR").stdout())
        .isEqualTo("2\n");
    CommandResult noSuchApp = node.run(env, "rpc", "--app", "nope", "java.lang.Math.abs", "1");
    assertThat(noSuchApp.exitCode()).isEqualTo(1);
    assertThat(noSuchApp.stderr()).contains("no app nope", "book_app");

    CommandResult missingClass = node.run(env, "rpc", "dev.molt.fixtures.book.Nope.run");
    assertThat(missingClass.exitCode()).isEqualTo(1);
    assertThat(missingClass.stderr()).contains("class dev.molt.fixtures.book.Nope not found");
    CommandResult missingMethod = node.run(env, "rpc", TASKS + ".nope");
    assertThat(missingMethod.exitCode()).isEqualTo(1);
    assertThat(missingMethod.stderr()).contains("has no public static method nope", "migrate");
    CommandResult throwing = node.run(env, "rpc", "java.lang.Integer.parseInt", "abc");
    assertThat(throwing.exitCode()).isEqualTo(1);
    assertThat(throwing.stderr()).contains("java.lang.NumberFormatException", "abc");
    CommandResult printedThenThrew = node.run(env, "rpc",
        "System.out.println(\"before\"); Integer.parseInt(\"x\");");
    assertThat(printedThenThrew.exitCode()).as(printedThenThrew.toString()).isEqualTo(1);
    assertThat(printedThenThrew.stdout()).isEqualTo("before\n");
    assertThat(printedThenThrew.stderr()).contains("NumberFormatException");
    CommandResult badSnippet = node.run(env, "rpc", "undefinedThing + 1");
    assertThat(badSnippet.exitCode()).isEqualTo(1);
    assertThat(badSnippet.stderr()).contains("undefinedThing");

    assertThat(node.run(env, "ping").stdout()).isEqualTo("pong\n");
    assertThat(Http.get(port, "/health").statusCode()).isEqualTo(200);
  }

  @Test
  void eval_runsInACleanJvmWithTheReleaseLoaders_appsNotStarted() throws Exception {
    CommandResult root = node.run(env, "eval", "java.lang.System.getProperty", "molt.release.root");
    assertThat(root.exitCode()).as(root.toString()).isZero();
    assertThat(root.stdout().trim()).isEqualTo(node.root().toString());

    CommandResult notStarted = node.run(env, "eval", "dev.molt.fixtures.book.BookApp.service");
    assertThat(notStarted.exitCode()).as(notStarted.toString()).isEqualTo(1);
    assertThat(node.pidFile()).doesNotExist();

    Path script = dir.resolve("version.jsh");
    Files.writeString(script, "String v = System.getProperty(\"molt.release.version\");\nv\n");
    CommandResult file = node.run(env, "eval", "--file", script.toString());
    assertThat(file.stdout()).as(file.toString()).isEqualTo("\"0.1.0\"\n");

    CommandResult migrate = node.run(env, "eval", TASKS + ".migrate");
    assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
    assertThat(migrate.stdout()).contains("applied 1 migration");
  }

  @Test
  void describeIsLive_reloadConfigReportsChangedKeys_restartKeepsTheJvm() throws Exception {
    node.startAndAwait(port);
    CommandResult describe = node.run(env, "describe");
    assertThat(describe.stdout()).as(describe.toString())
        .contains("state: running", "uptime:", "book_app 0.1.0 running", "control socket:");

    Path config = node.root().resolve("releases/0.1.0/config.json");
    String original = Files.readString(config);
    Files.writeString(config, original.replaceFirst("\"book_app\"\\s*:\\s*\\{",
        "\"book_app\": {\"greeting\": \"hi\", "));
    CommandResult reload = node.run(env, "reload_config");
    assertThat(reload.exitCode()).as(reload + "\n" + Files.readString(config)).isZero();
    assertThat(reload.stdout()).contains("book_app: greeting");

    assertRestartKeepsTheJvmAndStartsTheAppsAfresh();

    Files.writeString(config, "{ not json");
    CommandResult broken = node.run(env, "reload_config");
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.stderr()).contains("config.json", "nothing was changed");
    assertThat(node.run(env, "ping").exitCode()).isZero();
  }

  /** {@code restart}: same pid, the app answers HTTP again, its in-memory counter starts over. */
  private void assertRestartKeepsTheJvmAndStartsTheAppsAfresh() {
    long pid = node.pidFromFile().orElseThrow();
    for (int i = 0; i < 5; i++) {
      Http.get(port, "/books");
    }
    long requestsBefore = requests();
    assertThat(requestsBefore).isGreaterThanOrEqualTo(6);

    CommandResult restart = node.run(env, "restart");
    assertThat(restart.exitCode()).as(restart + "\n" + node.log()).isZero();
    assertThat(restart.stdout()).containsPattern("restarted [1-9][0-9]* app\\(s\\)");
    assertThat(node.run(env, "pid").stdout().strip()).isEqualTo(Long.toString(pid));
    assertThat(node.pidFromFile()).contains(pid);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
    Http.awaitOk(port, "/health", Node.TIMEOUT);
    assertThat(Http.get(port, "/books").statusCode()).isEqualTo(200);
    assertThat(requests()).as("a new BookService counts from zero").isLessThan(requestsBefore);
    assertThat(node.run(env, "ping").stdout()).isEqualTo("pong\n");
  }

  private long requests() {
    String stats = Http.get(port, "/stats").body();
    java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"requests\":(\\d+)")
        .matcher(stats);
    assertThat(count.find()).as(stats).isTrue();
    return Long.parseLong(count.group(1));
  }

  @Test
  void wrongOrMissingCookie_refusedWithExit4_nodeLogsItAndKeepsServing() throws Exception {
    node.startAndAwait(port);
    CommandResult wrong = node.run(Node.env(Map.of("MOLT_COOKIE", "not-the-cookie")), "rpc",
        TASKS + ".migrate");
    assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(4);
    assertThat(wrong.stderr()).contains("rejected the cookie");
    assertThat(node.log()).contains("AUTHENTICATION_FAILED");

    Path cookie = node.root().resolve("releases/COOKIE");
    Path aside = node.root().resolve("releases/COOKIE.aside");
    Files.move(cookie, aside);
    try {
      CommandResult missing = node.run(Node.env(Map.of()), "ping");
      assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(4);
      assertThat(missing.stderr()).contains("COOKIE");
    } finally {
      Files.move(aside, cookie);
    }
    assertThat(node.run(env, "ping").stdout()).isEqualTo("pong\n");
    Path socket = node.root().resolve("tmp/book_app.sock");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
  }

  @Test
  void foreignVersionOversizedAndUnauthenticatedFrames_refused_nodeKeepsServing() throws Exception {
    node.startAndAwait(port);
    Path socket = node.root().resolve("tmp/book_app.sock");
    // HELLO of an older release's client (protocol version 1), a 16 MiB HELLO, and a REQUEST
    // before any handshake.
    int own = dev.molt.control.Protocol.VERSION;
    byte[][] frames = {
        frame(34, 1, 1, new byte[32]),
        frame(0x0100_0002, own, 1, new byte[0]),
        frame(2 + 4 + 4 + 4 + 1, own, 5, new byte[] {0, 0, 0, 4, 's', 't', 'o', 'p', 0, 0, 0, 0, 0})};
    java.util.List<String> messages = new java.util.ArrayList<>();
    for (byte[] bad : frames) {
      try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
          java.net.UnixDomainSocketAddress.of(socket))) {
        channel.write(java.nio.ByteBuffer.wrap(bad));
        java.io.DataInputStream in = new java.io.DataInputStream(
            java.nio.channels.Channels.newInputStream(channel));
        int length = in.readInt();
        assertThat(length).isBetween(2, 4096);
        assertThat(in.readUnsignedByte()).as("the node answers in its own version").isEqualTo(own);
        assertThat(in.readUnsignedByte()).as("an ERROR frame").isEqualTo(7);
        in.readUnsignedByte(); // the error code
        messages.add(new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(closed(in)).as("then closes the connection").isTrue();
      }
    }
    assertThat(node.run(env, "ping").stdout()).isEqualTo("pong\n");
    assertThat(node.run(env, "pid").exitCode()).isZero();
    assertThat(node.log()).contains("PROTOCOL_ERROR");
    assertThat(messages.get(0)).isEqualTo("protocol version 1, this node speaks " + own
        + "; use the bin/<name> of the same release");
  }

  /** End of stream, or a reset: the node closed with bytes of ours still unread. */
  private static boolean closed(java.io.InputStream in) {
    try {
      return in.read() == -1;
    } catch (IOException e) {
      return true;
    }
  }

  private static byte[] frame(int length, int version, int type, byte[] payload) {
    java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocate(6 + payload.length);
    frame.putInt(length).put((byte) version).put((byte) type).put(payload);
    return frame.array();
  }

  @Test
  void attach_followsTheLogAndOpensTheShell_leavingKeepsTheNode() {
    node.startAndAwait(port);
    CommandResult attach = node.runWithInput(env, "1 + 1\n/exit\n", "attach");
    assertThat(attach.exitCode()).as(attach.toString()).isZero();
    assertThat(attach.output()).contains("$1 ==> 2", "Molt console on book_app");
    assertThat(node.run(env, "ping").exitCode()).isZero();
  }

  @Test
  void tlsListener_whenConfigured_servesCallsThatProveTheCookie() throws Exception {
    Path store = node.root().resolve("etc/node.p12");
    Files.createDirectories(store.getParent());
    CommandResult keytool = dev.molt.testsupport.node.Commands.run(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
        "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", "tls-secret"), dir, Node.env(Map.of()), Node.TIMEOUT);
    assertThat(keytool.exitCode()).as(keytool.toString()).isZero();
    Path options = node.root().resolve("releases/0.1.0/jvm.options");
    Files.writeString(options, Files.readString(options)
        + "\n-Dmolt.control.tls.port=0\n-Dmolt.control.tls.keystore=etc/node.p12\n");

    CommandResult noPassword = node.run(env, "start");
    assertThat(noPassword.exitCode()).isEqualTo(1);
    assertThat(noPassword.output()).contains("MOLT_CONTROL_TLS_PASSWORD");

    Map<String, String> withPassword = new java.util.HashMap<>(env);
    withPassword.put("MOLT_CONTROL_TLS_PASSWORD", "tls-secret");
    CommandResult start = node.run(withPassword, "start");
    assertThat(start.exitCode()).as(start + "\n" + node.log()).isZero();
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("listens with TLS on 127\\.0\\.0\\.1:(\\d+); its certificate's SHA-256 fingerprint is"
            + " ([0-9A-F:]{95})").matcher(node.log());
    assertThat(m.find()).as(node.log()).isTrue();
    var address = new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1)));
    // The client pins the fingerprint the node logged; it never needs the node's private key.
    javax.net.ssl.SSLContext pinned = dev.molt.control.TlsTrust.pinned(m.group(2));
    byte[] cookie = dev.molt.control.Cookie.resolve(node.root().resolve("releases/COOKIE"), Map.of());
    try (var client = dev.molt.control.ControlClient.connectTls(address, pinned, cookie,
        java.time.Duration.ofSeconds(10), "book_app")) {
      assertThat(client.call(dev.molt.control.Request.of("ping")).output()).isEqualTo("pong\n");
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.molt.control.ControlClient
            .connectTls(address, pinned, "wrong".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.time.Duration.ofSeconds(10), "book_app"))
        .isInstanceOf(dev.molt.control.AuthenticationException.class);
    assertThat(node.run(env, "ping").stdout()).isEqualTo("pong\n");
  }

  @Test
  void installedUnderALongPath_theSocketMovesToAPrivateDirectoryUnderTmp() throws Exception {
    Path deep = dir.resolve("a-long-directory-name-to-push-the-socket-path-over-the-limit"
        + "/of-unix-domain-sockets-which-is-about-108-bytes");
    Files.createDirectories(deep);
    Node far = SharedBookRelease.copyTo(deep);
    assertThat(far.root().resolve("tmp/book_app.sock").toString().length()).isGreaterThan(100);
    try {
      far.startAndAwait(port);
      CommandResult describe = far.run(env, "describe");
      java.util.regex.Matcher socket = java.util.regex.Pattern
          .compile("control socket: (\\S+)").matcher(describe.stdout());
      assertThat(socket.find()).as(describe.toString()).isTrue();
      Path moved = Path.of(socket.group(1));
      assertThat(moved.toString()).startsWith(System.getProperty("java.io.tmpdir", "/tmp"))
          .contains("molt-").hasSizeLessThan(100);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(moved.getParent())))
          .isEqualTo("rwx------");
      assertThat(far.run(env, "ping").stdout()).isEqualTo("pong\n");
      assertThat(far.run(env, "stop").exitCode()).isZero();
      assertThat(moved).doesNotExist();
      Files.deleteIfExists(moved.getParent());
    } finally {
      far.close();
    }
  }

  @Test
  void commandsOnAStoppedNode_exit3() {
    for (String command : new String[] {"ping", "pid", "rpc", "reload_config", "restart"}) {
      CommandResult result = command.equals("rpc")
          ? node.run(env, command, TASKS + ".migrate") : node.run(env, command);
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
      assertThat(result.stderr()).contains("book_app is not running");
    }
    CommandResult stop = node.run(env, "stop");
    assertThat(stop.exitCode()).isEqualTo(3);
  }

  @Test
  void failingPreStartHook_abortsTheStartWithItsOutput() {
    hook("pre_start", "20-check.sh", "echo 'the database is not reachable' >&2; exit 3");
    CommandResult start = node.run(env, "start");
    assertThat(start.exitCode()).isEqualTo(1);
    assertThat(start.output()).contains("the database is not reachable",
        "pre_start hook", "20-check.sh", "exit 3");
    assertThat(node.pidFile()).doesNotExist();
    assertThat(node.run(env, "ping").exitCode()).isEqualTo(3);
  }

  @Test
  void help_listsTheCustomCommandsWithTheirDescriptions() throws Exception {
    String description = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Fixture.bookApp().relDir().resolve("molt.json").toFile())
        .path("commands").path("seed").path("description").asText();
    assertThat(description).as("seed's description in rel/molt.json").isNotBlank();

    CommandResult help = node.run(env, "help");
    assertThat(help.exitCode()).as(help.toString()).isZero();
    assertThat(help.stdout()).contains("Custom commands:", "remote_console", "rpc");
    String custom = help.stdout().substring(help.stdout().indexOf("Custom commands:"));
    assertThat(custom).as(help.stdout()).containsPattern("(?m)^\\s+seed\\s+" + java.util.regex.Pattern.quote(description) + "$");
  }

  @Test
  void console_runsTheNodeWithAShell_leavingItStopsTheNode() {
    CommandResult console = node.runWithInput(env,
        "dev.molt.fixtures.book.BookApp.service() != null\n/exit\n", "console");
    assertThat(console.exitCode()).as(console + "\n" + node.log()).isZero();
    assertThat(console.output()).contains("==> true");
    assertThat(node.pidFile()).doesNotExist();
  }

  private void hook(String phase, String file, String body) {
    try {
      Path script = node.root().resolve("releases/0.1.0/hooks").resolve(phase).resolve(file);
      Files.createDirectories(script.getParent());
      Files.writeString(script, "#!/bin/sh\n" + body + "\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError("expected " + file + ": " + e, e);
    }
  }
}

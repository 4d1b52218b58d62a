package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.e2e.support.FileTree;
import dev.molt.e2e.support.Fixture;
import dev.molt.e2e.support.MoltCli;
import dev.molt.e2e.support.Releases;
import dev.molt.e2e.support.SharedBookRelease;
import dev.molt.release.MavenTreeInputs;
import dev.molt.release.ReleaseBuildException;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Bad input" list of the releases issue: each case fails with a one-line message naming the
 * problem and the fix, the exit code the docs give for it (docs/user-guide.md section 7,
 * docs/commands.md, docs/kernel.md: 1 for a failed build, boot or start, 3 for stop while
 * stopped; the build cases through the {@code molt} CLI and through the builder API), and changes
 * no files.
 */
class BadInputIT {
  /** Scratch the script may write before it fails (tmp/jvm.args), and the node's log. */
  private static final List<String> SCRATCH = List.of("tmp", "var/log");

  @TempDir static Path classDir;
  private static Node node;
  private static Path outputDir;

  @BeforeAll
  static void setUp() throws Exception {
    node = SharedBookRelease.copyTo(classDir);
    // Boot once, as an installed node would have: var/book_app and its database exist, so the
    // failures below are compared against a release that has run before.
    try {
      node.startAndAwait(Ports.free());
    } finally {
      node.close();
    }
    // A release already in the output folder, which a failed build must leave alone.
    outputDir = classDir.resolve("out");
    Releases.build(Fixture.bookApp(), "dev", outputDir);
  }

  @AfterEach
  void stopNode() {
    node.close();
  }

  @Test
  void build_relConfigWithUnknownKey_failsNamingTheKey(@TempDir Path dir) throws Exception {
    Path rel = relWithMoltJson(dir, "{\"schema\":1,\"environments\":{\"prod\":"
        + "{\"devMode\":false,\"includeRuntime\":true,\"includeRuntim\":true}}}");
    assertBuildFailsUnchanged(rel, "includeRuntim", "molt.json");
  }

  @Test
  void build_relConfigWithWrongType_failsNamingTheField(@TempDir Path dir) throws Exception {
    Path rel = relWithMoltJson(dir, "{\"schema\":1,\"environments\":{\"prod\":"
        + "{\"devMode\":\"no\",\"includeRuntime\":true}}}");
    assertBuildFailsUnchanged(rel, "devMode", "molt.json");
  }

  @Test
  void build_dependencyJarMissing_failsNamingTheJar(@TempDir Path dir) throws Exception {
    Fixture book = Fixture.bookApp();
    book.requireBuilt();
    Path emptyLib = Files.createDirectories(dir.resolve("lib"));
    Map<String, String> before = FileTree.snapshot(outputDir, List.of());

    CommandResult cli = MoltCli.release(book, book.relDir(), emptyLib, "prod", outputDir);
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
    assertThat(cli.stderr().strip()).contains("h2", "2.5.252").doesNotContain("\n");
    assertThatThrownBy(() -> {
      var apps = MavenTreeInputs.read(book.tgf(), emptyLib, book.jar(), book.entryClass());
      Releases.build("book_app", "0.1.0", book.relDir(), "prod", outputDir, apps,
          Optional.empty());
    }).isInstanceOf(ReleaseBuildException.class)
        .hasMessageContaining("h2")
        .hasMessageContaining("2.5.252")
        .hasMessageContaining("copy-dependencies");
    assertThat(FileTree.snapshot(outputDir, List.of())).isEqualTo(before);
    assertThat(emptyLib).isEmptyDirectory();
  }

  @Test
  void boot_releaseJsonEditedIntoNonsense_refusesNamingTheFile() throws Exception {
    Path releaseJson = node.root().resolve("releases/0.1.0/release.json");
    byte[] original = Files.readAllBytes(releaseJson);
    try {
      Files.writeString(releaseJson, "{\"schema\": 1, \"apps\": \"all of them, please\"");
      int port = Ports.free();
      CommandResult boot = assertFailsUnchanged(Node.envWithPort(port), "foreground");
      assertThat(boot.output()).contains("release.json");
      assertThat(node.pidFile()).doesNotExist();
    } finally {
      Files.write(releaseJson, original);
    }
  }

  @Test
  void boot_missingPort_failsNamingTheVariable() {
    CommandResult boot = assertFailsUnchanged(Node.env(Map.of()), "foreground");
    assertThat(boot.output()).contains("PORT");
  }

  @Test
  void boot_portInUse_failsNamingThePortAndTheFix() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      CommandResult boot = assertFailsUnchanged(Node.envWithPort(port), "foreground");
      assertThat(boot.output()).contains(Integer.toString(port)).contains("PORT")
          .doesNotContain("caused by").doesNotContain("\tat ");
    }
  }

  @Test
  void start_whenAlreadyRunning_failsAndLeavesTheNodeAlone() {
    int port = Ports.free();
    node.startAndAwait(port);
    long pid = node.pidFromFile().orElseThrow();
    // The running node owns var/ (its database); only the release's own files are compared.
    Map<String, String> before = FileTree.snapshot(node.root(), List.of("tmp", "var"));

    CommandResult again = node.run(Node.envWithPort(Ports.free()), "start");
    assertThat(again.exitCode()).as("start while running exits 7: %s", again).isEqualTo(7);
    assertThat(again.output()).contains("already running").contains(Long.toString(pid));
    assertThat(FileTree.snapshot(node.root(), List.of("tmp", "var"))).isEqualTo(before);
    assertThat(node.pidFromFile()).contains(pid);
    assertThat(Http.get(port, "/health").statusCode()).isEqualTo(200);
  }

  @Test
  void stop_whenNotRunning_exitsThreeSayingSo() {
    Map<String, String> before = FileTree.snapshot(node.root(), List.of());
    CommandResult stop = node.run(Node.env(Map.of()), "stop");
    assertThat(stop.exitCode()).as(stop.toString()).isEqualTo(3);
    assertThat(stop.output()).contains("not running");
    assertThat(FileTree.snapshot(node.root(), List.of())).isEqualTo(before);
  }

  private static Path relWithMoltJson(Path dir, String moltJson) throws Exception {
    Path rel = Releases.copy(Fixture.bookApp().relDir(), dir.resolve("rel"));
    Files.writeString(rel.resolve("molt.json"), moltJson);
    return rel;
  }

  private static void assertBuildFailsUnchanged(Path rel, String... expected) throws Exception {
    Map<String, String> outputBefore = FileTree.snapshot(outputDir, List.of());
    Map<String, String> relBefore = FileTree.snapshot(rel, List.of());
    Fixture book = Fixture.bookApp();
    CommandResult cli = MoltCli.release(book, rel, book.libDir(), "prod", outputDir);
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
    assertThat(cli.stderr().strip()).contains(expected).doesNotContain("\n");
    assertThatThrownBy(() -> Releases.build(Fixture.bookApp(), rel, "prod", outputDir,
            Optional.empty()))
        .isInstanceOf(ReleaseBuildException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(expected).doesNotContain("\n"));
    assertThat(FileTree.snapshot(outputDir, List.of())).isEqualTo(outputBefore);
    assertThat(FileTree.snapshot(rel, List.of())).isEqualTo(relBefore);
  }

  private static CommandResult assertFailsUnchanged(Map<String, String> env, String command) {
    Map<String, String> before = FileTree.snapshot(node.root(), SCRATCH);
    CommandResult result = node.run(env, command);
    assertThat(result.exitCode()).as("a failed boot exits 1: %s", result).isEqualTo(1);
    assertThat(FileTree.snapshot(node.root(), SCRATCH)).as("files changed by " + command)
        .isEqualTo(before);
    return result;
  }
}

package dev.molt.kernel;

import static dev.molt.kernel.testing.JarBuilder.jar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.kernel.testing.ReleaseRoot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path dir;

  @Test
  void run_noOrUnknownCommand_usageExit2() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("start", "/tmp", "1")).isEqualTo(2);
    assertThat(run("boot", "/tmp")).isEqualTo(2);
    assertThat(err()).startsWith("molt: usage: ");
  }

  @Test
  void describe_release_printsStableLines() throws Exception {
    Path lib = jar(dir, "build/lib.jar").source("lib.L", "package lib; public class L {}").build();
    Path app = jar(dir, "build/app.jar").source("app.A", "package app; public class A {"
        + " public static void main(String[] a) {} }").build();
    Path root = ReleaseRoot.at(dir.resolve("rel"), "book", "0.1.0")
        .library("h2", "2.5", lib).main("book_app", app, "app.A", "h2").write();

    int code = run("describe", root.toString(), "0.1.0");

    assertThat(code).isZero();
    assertThat(out()).contains("name: book\n", "version: 0.1.0\n", "environment: prod\n",
        "root: " + root + "\n", "runtime: system\n",
        "java: " + System.getProperty("java.home") + " " + System.getProperty("java.version"),
        "kernel: 0.1.0\n", "apps:\n  h2 2.5 library\n",
        "  book_app 1.0 main app.A depends on: h2\n");
  }

  @Test
  void describe_noRelease_exit1NamingTheFile() {
    int code = run("describe", dir.toString(), "9.9");

    assertThat(code).isEqualTo(1);
    assertThat(err()).startsWith("molt: ").contains("releases/9.9/release.json");
  }

  @Test
  void boot_noRelease_exit1WithoutPidFile() {
    int code = run("boot", dir.toString(), "9.9");

    assertThat(code).isEqualTo(1);
    assertThat(err()).contains("release.json: file not found");
    // Only the node lock, taken before anything else; no pid file.
    assertThat(dir.resolve("tmp")).isDirectoryContaining(p -> p.endsWith("node.lock"))
        .isDirectoryNotContaining(p -> !p.endsWith("node.lock"));
  }

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}

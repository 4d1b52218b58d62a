package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientMainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return ClientMain.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
  }

  @Test
  void run_missingArguments_isUsageError() {
    assertThat(run(Map.of(), "only-socket")).isEqualTo(ClientMain.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:").contains("3 node not running");
  }

  @Test
  void run_unknownOption_isUsageError() {
    assertThat(run(Map.of(), "--bogus", "s", "c", "ping")).isEqualTo(ClientMain.EXIT_USAGE);
  }

  @Test
  void run_noSocket_exitsNotRunningWithName() throws Exception {
    Path cookie = CookieFiles.write(dir.resolve("COOKIE"), "x");
    int code = run(Map.of(), "--name", "book_app", dir.resolve("tmp/ctl.sock").toString(), cookie.toString(), "ping");
    assertThat(code).isEqualTo(ClientMain.EXIT_NOT_RUNNING);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("book_app is not running (no control socket at");
  }

  @Test
  void run_noCookie_exitsAuthentication() {
    int code = run(Map.of(), dir.resolve("ctl.sock").toString(), dir.resolve("COOKIE").toString(), "ping");
    assertThat(code).isEqualTo(ClientMain.EXIT_AUTHENTICATION);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no cookie");
  }
}

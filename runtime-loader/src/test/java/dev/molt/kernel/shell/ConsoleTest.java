package dev.molt.kernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private JavaShell shell;

  @BeforeEach
  void start() throws ShellUnavailableException {
    shell = JavaShell.create("book", ConsoleTest.class.getClassLoader(), List.of());
  }

  @AfterEach
  void close() {
    shell.close();
  }

  private void drive(String script) throws IOException {
    shell.interactive(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "Molt console for book 0.1.0");
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void interactive_pipedScript_printsValuesLikeJshell() throws IOException {
    drive(String.join("\n",
        "int x = 20;",
        "int twice(int v) {",
        "  return 2 * v;",
        "}",
        "twice(x + 1)",
        "System.out.println(\"printed\");",
        "/vars",
        "/exit",
        "x + 1000",
        ""));

    assertThat(out()).isEqualTo(String.join("\n",
        "Molt console for book 0.1.0",
        "book> x ==> 20",
        "book>    ...>    ...> |  created method twice(int)",
        "book> $1 ==> 42",
        "book> printed",
        "book> |    int x = 20",
        "|    int $1 = 42",
        "book> "));
    assertThat(err()).isEmpty();
  }

  @Test
  void interactive_errors_goToErrWithDiagnosticsAndTheSessionGoesOn() throws IOException {
    drive(String.join("\n",
        "int y = nope + 1;",
        "throw new IllegalStateException(\"boom\", new RuntimeException(\"root\"));",
        "/nosuch",
        "6 * 7",
        ""));

    assertThat(err()).contains(
        "|  error: cannot find symbol",
        "|    symbol:   variable nope",
        "|    at line 1, column 9:",
        "|    int y = nope + 1;",
        "|            ^",
        "|  exception java.lang.IllegalStateException: boom",
        "|  caused by: java.lang.RuntimeException: root",
        "|  unknown command /nosuch; type /help for the commands");
    assertThat(out()).contains("$1 ==> 42").endsWith("book> \n");
  }

  @Test
  void interactive_endOfInput_endsTheSessionAndReportsWhatIsPending() throws IOException {
    drive("String s = \"a\" +\n  \"b\"\nvoid unfinished() {\n");

    assertThat(out()).isEqualTo(
        "Molt console for book 0.1.0\nbook>    ...> s ==> \"ab\"\nbook>    ...> \n");
    assertThat(err()).contains("|  error: reached end of file while parsing");
  }

  @Test
  void interactive_listImportsAndHelp_describeTheSession() throws IOException {
    drive("import java.time.*;\nDuration d = Duration.ofSeconds(3);\n/list\n/imports\n/help\n");

    assertThat(out()).contains(
        "   1 : import java.time.*;",
        "   2 : Duration d = Duration.ofSeconds(3);",
        "|    import java.util.*",
        "|    import java.util.stream.*",
        "|    import java.nio.file.*",
        "|    import java.time.*",
        "|  /exit     leave the console");
  }

  @Test
  void interactive_twoSessionsOnOneShell_shareDeclarations() throws IOException {
    drive("int kept = 5;\n/exit\n");
    out.reset();

    drive("kept * 2\n");

    assertThat(out()).contains("$1 ==> 10");
  }
}

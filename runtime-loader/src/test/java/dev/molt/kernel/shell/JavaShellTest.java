package dev.molt.kernel.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.testsupport.javac.SourceJars;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaShellTest {
  @TempDir static Path dir;
  static URLClassLoader appLoader;
  static JavaShell shell;

  @BeforeAll
  static void startShell() throws Exception {
    Path jar = SourceJars.compile(dir, Map.of("demo/Counter", String.join("\n",
        "package demo;",
        "public class Counter {",
        "  public static int value;",
        "  public static Object slot;",
        "  public static void fail() { throw new IllegalArgumentException(\"bad input\"); }",
        "}")), "Counter.jar");
    appLoader = new URLClassLoader("test-app", new URL[] {jar.toUri().toURL()},
        ClassLoader.getSystemClassLoader());
    shell = JavaShell.create("test", appLoader, List.of(jar));
  }

  @AfterAll
  static void closeShell() throws IOException {
    shell.close();
    appLoader.close();
  }

  @Test
  void available_onFullJdk_isTrue() {
    assertThat(JavaShell.available()).isTrue();
  }

  @Test
  void evaluate_expression_returnsItsValue() {
    EvalResult result = shell.evaluate("21 * 2");

    assertThat(result.succeeded()).isTrue();
    assertThat(result.value()).contains("42");
    assertThat(result.failureReport()).isEmpty();
  }

  @Test
  void evaluate_string_isQuotedLikeJshell() {
    assertThat(shell.evaluate("\"a\" + \"b\"").value()).contains("\"ab\"");
  }

  @Test
  void evaluate_methodDeclaredThenCalled_returnsValue() {
    EvalResult result = shell.evaluate(String.join("\n",
        "int triple(int x) {",
        "  return 3 * x;",
        "}",
        "triple(14)"));

    assertThat(result.value()).contains("42");
    assertThat(shell.evaluate("triple(2)").value()).contains("6");
  }

  @Test
  void evaluate_importsRecordsAndDefaultImports_work() {
    EvalResult result = shell.evaluate(String.join("\n",
        "import java.time.Duration;",
        "record Pair(int a, int b) { int sum() { return a + b; } }",
        "List<Pair> pairs = new ArrayList<>(List.of(new Pair(1, 2), new Pair(3, 4)));",
        "pairs.stream().mapToInt(Pair::sum).sum() + Duration.ofSeconds(32).getSeconds()"));

    assertThat(result.failureReport()).isEmpty();
    assertThat(result.value()).contains("42");
  }

  @Test
  void evaluate_statementLast_hasNoValue() {
    EvalResult result = shell.evaluate("int unused = 1;\nif (unused > 0) { unused++; }");

    assertThat(result.succeeded()).isTrue();
    assertThat(result.value()).isEmpty();
  }

  @Test
  void evaluate_compileError_reportsMessageAndPosition() {
    EvalResult result = shell.evaluate("int a = 1;\nint b = a + missingName;");

    assertThat(result.succeeded()).isFalse();
    assertThat(result.exception()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.message()).contains("cannot find symbol").contains("missingName");
      assertThat(d.line()).isEqualTo(2);
      assertThat(d.column()).isEqualTo(13);
      assertThat(d.sourceLine()).isEqualTo("int b = a + missingName;");
    });
    assertThat(result.failureReport())
        .contains("error: cannot find symbol", "at line 2, column 13", "            ^");
  }

  @Test
  void evaluate_incompleteInput_reportsIt() {
    EvalResult result = shell.evaluate("int f() {\n  return 1;\n");

    assertThat(result.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("input ends before"));
  }

  @Test
  void evaluate_throwingSnippet_reportsExceptionAndCause() {
    EvalResult result = shell.evaluate(String.join("\n",
        "System.out.println(\"before\");",
        "throw new IllegalStateException(\"boom\", new java.io.IOException(\"disk full\"));",
        "System.out.println(\"after\");"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.output()).isEqualTo("before\n");
    assertThat(result.exception().orElseThrow()).isInstanceOf(IllegalStateException.class)
        .hasMessage("boom").hasCauseInstanceOf(IOException.class);
    assertThat(result.failureReport()).contains(
        "exception java.lang.IllegalStateException: boom",
        "caused by: java.io.IOException: disk full");
  }

  @Test
  void evaluate_exceptionFromAppCode_showsTheAppFrames() {
    EvalResult result = shell.evaluate("demo.Counter.fail()");

    assertThat(result.exception()).get().isInstanceOf(IllegalArgumentException.class);
    assertThat(result.failureReport()).contains(
        "exception java.lang.IllegalArgumentException: bad input",
        "demo.Counter.fail(Counter.java:5)");
  }

  @Test
  void evaluate_printing_isCapturedForTheCaller() {
    EvalResult result = shell.evaluate("System.out.println(\"to out\");"
        + " System.err.print(\"to err\"); System.out.printf(\"%d%n\", 7);");

    assertThat(result.output()).isEqualTo("to out\n7\n");
    assertThat(result.errorOutput()).isEqualTo("to err");
  }

  @Test
  void evaluate_kernelClasses_areNotOnTheCompileClassPath() {
    EvalResult result = shell.evaluate("dev.molt.kernel.shell.JavaShell.available()");

    // The kernel's own package is unknown to the compiler: any other error would hide a leak.
    assertThat(result.succeeded()).isFalse();
    assertThat(result.exception()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.message()).contains("package dev.molt.kernel.shell does not exist");
      assertThat(d.line()).isEqualTo(1);
      assertThat(d.column()).isEqualTo(22);
    });
  }

  @Test
  void evaluate_appClass_isTheSameClassAsThroughTheParent() throws Exception {
    Class<?> live = appLoader.loadClass("demo.Counter");

    EvalResult result = shell.evaluate("demo.Counter.slot = new demo.Counter(); 1");

    assertThat(result.failureReport()).isEmpty();
    Object created = live.getField("slot").get(null);
    assertThat(created.getClass()).isSameAs(live);
    assertThat(shell.evaluate("demo.Counter.class.getClassLoader().getName()").value())
        .contains("\"test-app\"");
  }

  @Test
  void evaluate_staticFieldSetThroughTheParent_isSeen() throws Exception {
    appLoader.loadClass("demo.Counter").getField("value").setInt(null, 41);

    assertThat(shell.evaluate("demo.Counter.value + 1").value()).contains("42");
  }

  @Test
  void evaluate_runsOnTheCallingThreadWithTheParentAsContextLoader() throws Exception {
    Class<?> live = appLoader.loadClass("demo.Counter");
    ClassLoader before = Thread.currentThread().getContextClassLoader();

    EvalResult result = shell.evaluate(String.join("\n",
        "demo.Counter.slot = Thread.currentThread();",
        "Thread.currentThread().getContextClassLoader() == demo.Counter.class.getClassLoader()"));

    assertThat(result.value()).contains("true");
    assertThat(live.getField("slot").get(null)).isSameAs(Thread.currentThread());
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
  }

  @Test
  void evaluate_leavesTheDefaultUncaughtExceptionHandlerAlone() {
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();

    shell.evaluate("throw new RuntimeException(\"x\")");

    assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(before);
  }

  @Test
  void create_withoutJshellModule_saysHowToAddIt() {
    assertThatThrownBy(() -> JavaShell.create("t", appLoader, List.of(), ModuleLayer.empty()))
        .isInstanceOf(ShellUnavailableException.class)
        .hasMessage("this runtime has no jdk.jshell module; add \"jdk.jshell\" to"
            + " runtime.addModules in rel/molt.json and rebuild the release");
  }
}

package dev.molt.kernel.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShellLifecycleTest {
  private static Set<Thread> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .collect(Collectors.toSet());
  }

  @Test
  void close_afterUse_leavesNoNonDaemonThreadAndIsIdempotent() throws Exception {
    Set<Thread> before = nonDaemonThreads();

    JavaShell shell = JavaShell.create("t", getClass().getClassLoader(), List.of());
    assertThat(shell.evaluate("1 + 1").value()).contains("2");
    shell.interactive(new ByteArrayInputStream("2 + 2\n".getBytes(StandardCharsets.UTF_8)),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "");
    shell.close();
    shell.close();

    Set<Thread> left = nonDaemonThreads();
    left.removeAll(before);
    assertThat(left).isEmpty();
  }

  @Test
  void evaluate_afterClose_isRefused() throws Exception {
    JavaShell shell = JavaShell.create("t", getClass().getClassLoader(), List.of());
    shell.close();

    assertThatThrownBy(() -> shell.evaluate("1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the Java shell t is closed");
  }

  @Test
  void evaluate_threadStartedBySnippet_printsIntoTheResultWhileItRuns() throws Exception {
    try (JavaShell shell = JavaShell.create("t", getClass().getClassLoader(), List.of())) {
      EvalResult result = shell.evaluate(String.join("\n",
          "Thread child = new Thread(() -> System.out.println(\"from child\"));",
          "child.start();",
          "child.join();"));

      assertThat(result.output()).isEqualTo("from child\n");
    }
  }
}

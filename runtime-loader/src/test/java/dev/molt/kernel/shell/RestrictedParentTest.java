package dev.molt.kernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.testsupport.javac.SourceJars;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parent like the kernel's: it sees the app's jar and the platform modules, but neither the
 * class path nor {@code jdk.jshell} (which the JDK defines to the application loader).
 */
class RestrictedParentTest {
  @TempDir Path dir;

  @Test
  void evaluate_parentWithoutJshellOrClassPath_runsSnippetsAndReportsUnresolvedNames()
      throws Exception {
    Path jar = SourceJars.compile(dir, Map.of("demo/Greeter", String.join("\n",
        "package demo;",
        "public class Greeter {",
        "  public static String greet(String who) { return \"hi \" + who; }",
        "}")), "Greeter.jar");
    try (URLClassLoader app = new URLClassLoader("restricted", new URL[] {jar.toUri().toURL()},
            ClassLoader.getPlatformClassLoader());
        JavaShell shell = JavaShell.create("t", app, List.of(jar))) {

      assertThat(shell.evaluate("demo.Greeter.greet(\"node\")").value()).contains("\"hi node\"");
      EvalResult unresolved = shell.evaluate("int usesLater() { return later; }\nusesLater()");

      assertThat(unresolved.diagnostics()).singleElement().satisfies(d -> {
        assertThat(d.message())
            .isEqualTo("method usesLater() cannot be used until variable later is declared");
        assertThat(d.line()).isEqualTo(2);
      });
      assertThat(shell.evaluate("int later = 42;\nusesLater()").value()).contains("42");
    }
  }
}

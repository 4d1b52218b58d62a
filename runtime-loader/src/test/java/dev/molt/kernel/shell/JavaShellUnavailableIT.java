package dev.molt.kernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a runtime without {@code jdk.jshell} (simulated with {@code --limit-modules java.base}), the
 * shell's front door loads, says it is unavailable and how to fix it, and loads no jshell class.
 */
class JavaShellUnavailableIT {
  /** Run in the child JVM. */
  public static final class Probe {
    public static void main(String[] args) {
      System.out.println("available=" + JavaShell.available());
      try {
        JavaShell.create("t", ClassLoader.getSystemClassLoader(), List.of()).close();
        System.out.println("created");
      } catch (ShellUnavailableException e) {
        System.out.println(e.getMessage());
      }
    }
  }

  private static String location(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  @TempDir Path dir;

  @Test
  void create_onRuntimeWithoutJshell_explainsAndLoadsNoJshellClass() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = location(JavaShell.class) + File.pathSeparator + location(Probe.class)
        + File.pathSeparator + location(dev.molt.kernel.node.KernelException.class);
    Process process = new ProcessBuilder(java, "--limit-modules", "java.base",
        "-Xlog:class+load=info", "-cp", classPath, Probe.class.getName())
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String output = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);

      assertThat(process.exitValue()).isZero();
      assertThat(output).contains("available=false", JavaShell.UNAVAILABLE_MESSAGE)
          .doesNotContain("created", "jdk.jshell.", "dev.molt.kernel.shell.JShellEngine");
    } finally {
      process.destroyForcibly();
    }
  }
}

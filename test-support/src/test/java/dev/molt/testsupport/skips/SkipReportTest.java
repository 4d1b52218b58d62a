package dev.molt.testsupport.skips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs sample classes (inner, so Surefire does not run them itself) under a launcher of its own. */
class SkipReportTest {
  @TempDir Path basedir;

  static class Samples {
    @Test
    void runs() {}

    @Test
    void assumes() {
      Assumptions.assumeTrue(false, "no widget\n  on this host");
    }

    @Disabled("waiting for the widget")
    @Test
    void disabled() {}
  }

  static class AbortedClass {
    @BeforeAll
    static void needsAWidget() {
      Assumptions.abort("no widget at all");
    }

    @Test
    void first() {}

    @Test
    void second() {}
  }

  @Test
  void skippedAndAbortedTests_arePrintedAndListedOneLineEach() throws Exception {
    String printed = run(Samples.class, AbortedClass.class);

    String samples = Samples.class.getName();
    String aborted = AbortedClass.class.getName();
    assertThat(Files.readAllLines(basedir.resolve("target/molt-skips.txt"))).containsExactlyInAnyOrder(
        "SKIPPED " + samples + "#assumes: Assumption failed: no widget on this host",
        "SKIPPED " + samples + "#disabled: waiting for the widget",
        "SKIPPED " + aborted + "#first: no widget at all",
        "SKIPPED " + aborted + "#second: no widget at all");
    assertThat(printed.lines()).containsExactlyInAnyOrderElementsOf(
        Files.readAllLines(basedir.resolve("target/molt-skips.txt")));
  }

  @Test
  void noSkip_writesNoLine() throws Exception {
    run(OnlyPassing.class);

    assertThat(basedir.resolve("target/molt-skips.txt")).doesNotExist();
  }

  static class OnlyPassing {
    @Test
    void passes() {}
  }

  /** Runs the classes with only a SkipReport listening; returns what it printed. */
  private String run(Class<?>... classes) {
    String before = System.getProperty("basedir");
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setProperty("basedir", basedir.toString());
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      var request = LauncherDiscoveryRequestBuilder.request();
      for (Class<?> c : classes) {
        request.selectors(selectClass(c));
      }
      LauncherFactory.create(LauncherConfig.builder()
              .enableTestExecutionListenerAutoRegistration(false)
              .addTestExecutionListeners(new SkipReport()).build())
          .execute(request.build());
    } finally {
      System.setOut(out);
      if (before == null) {
        System.clearProperty("basedir");
      } else {
        System.setProperty("basedir", before);
      }
    }
    return printed.toString(StandardCharsets.UTF_8);
  }
}

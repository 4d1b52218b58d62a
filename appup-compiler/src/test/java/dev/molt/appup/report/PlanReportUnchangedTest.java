package dev.molt.appup.report;

import static dev.molt.appup.testkit.ReleaseGen.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.appup.plan.Plan;
import dev.molt.appup.testkit.ClassGen;
import dev.molt.appup.testkit.JarGen;
import dev.molt.appup.testkit.ReleaseGen;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release of a framework application holds dozens of libraries that an upgrade leaves alone: the
 * report shows what changes in full and counts the rest on one line, unless asked to list them.
 */
class PlanReportUnchangedTest {
  static final int LIBS = 78;
  @TempDir Path dir;
  Plan plan;

  static JarGen jar(String pkg, int v) {
    return JarGen.jar().add(ClassGen.of(pkg + ".C").method(ACC_PUBLIC, "f", "()I", v));
  }

  static ReleaseGen withLibs(ReleaseGen release) {
    IntStream.rangeClosed(1, LIBS).forEach(i -> release.lib(lib(i), "1.0.0", jar("l" + i, 1)));
    return release;
  }

  static String lib(int i) {
    return String.format("lib%03d", i);
  }

  @BeforeEach
  void plan() throws Exception {
    Path v1 = withLibs(release("r", "1.0.0")).lib("util", "2.0.0", jar("u", 1))
        .app("web", "1.0.0", jar("w", 1).add(ClassGen.of("w.Main").implement("dev.molt.api.Application")
            .method(ACC_PUBLIC, "start", "()I", 1)), "w.Main", "util").write(dir.resolve("1"));
    Path v2 = withLibs(release("r", "1.1.0")).lib("util", "2.0.1", jar("u", 2))
        .app("web", "1.1.0", jar("w", 2).add(ClassGen.of("w.Main").implement("dev.molt.api.Application")
            .method(ACC_PUBLIC, "start", "()I", 1)), "w.Main", "util").write(dir.resolve("2"));
    plan = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2));
  }

  @Test
  void render_counted_printsEveryChangedAppAndOneLineForTheUnchanged() {
    String report = PlanReport.render(plan, UnchangedApps.count("--verbose"));

    assertThat(report.lines().filter(l -> l.contains("unchanged")))
        .containsExactly("  " + LIBS + " apps unchanged (--verbose lists them)");
    assertThat(report).contains("  util 2.0.0 -> 2.0.1 [LOW]\n    redefine u.C [LOW]: body-only change in C (f()I)")
        .contains("  web 1.0.0 -> 1.1.0 [LOW]\n    redefine w.C [LOW]: body-only change in C (f()I)")
        .doesNotContain("lib0").doesNotContain("no change");
    assertThat(report.indexOf("apps unchanged")).isGreaterThan(report.indexOf("  web 1.0.0 -> 1.1.0"))
        .isLessThan(report.indexOf("  Up (1.0.0 -> 1.1.0):"));
  }

  @Test
  void render_listed_namesEveryUnchangedAppWithItsVersion() {
    String report = PlanReport.render(plan, UnchangedApps.list());

    assertThat(report).contains("  " + LIBS + " apps unchanged:\n    " + lib(1) + " 1.0.0\n")
        .contains("  util 2.0.0 -> 2.0.1 [LOW]").contains("  web 1.0.0 -> 1.1.0 [LOW]");
    IntStream.rangeClosed(1, LIBS).forEach(i -> assertThat(report).contains("\n    " + lib(i) + " 1.0.0\n"));
  }

  @Test
  void render_countedWithoutHint_printsTheCountAlone() {
    assertThat(PlanReport.render(plan, UnchangedApps.count(""))).contains("  " + LIBS + " apps unchanged\n");
  }
}

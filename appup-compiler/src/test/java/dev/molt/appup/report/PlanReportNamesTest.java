package dev.molt.appup.report;

import static dev.molt.appup.testkit.ReleaseGen.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.appup.plan.Plan;
import dev.molt.format.ShortNames;
import dev.molt.appup.testkit.ClassGen;
import dev.molt.appup.testkit.JarGen;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classes are shown by the shortest name that no other class of the same report shares. */
class PlanReportNamesTest {
  @TempDir Path dir;

  static JarGen app(int v) {
    return JarGen.jar().add(
        ClassGen.of("a.Main").implement("dev.molt.api.Application").method(ACC_PUBLIC, "start", "()I", 1),
        ClassGen.of("x.web.Main").method(ACC_PUBLIC, "run", "()I", v),
        ClassGen.of("y.web.Main").method(ACC_PUBLIC, "run", "()I", v),
        ClassGen.of("x.web.Handler").method(ACC_PUBLIC, "handle", "()I", v));
  }

  @Test
  void render_twoMainsInTwoPackages_showsShortestUnambiguousNames() throws Exception {
    Path v1 = release("r", "1.0.0").app("web", "1.0.0", app(1), "a.Main").write(dir.resolve("1"));
    Path v2 = release("r", "1.1.0").app("web", "1.1.0", app(2), "a.Main").write(dir.resolve("2"));
    Plan plan = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2));

    String report = PlanReport.render(plan);

    assertThat(report).contains("redefine web Handler, x.web.Main, y.web.Main")
        .contains("redefine x.web.Main [LOW]: body-only change in x.web.Main")
        .contains("redefine y.web.Main [LOW]: body-only change in y.web.Main")
        .contains("redefine Handler [LOW]: body-only change in Handler")
        .doesNotContain("redefine Main").doesNotContain(" Main,");
  }

  @Test
  void shortNames_suffixSharedByTwoPackages_growsUntilUnique() {
    ShortNames names = ShortNames.among(List.of("a.Main", "b.Main", "a.Handler", "p.q.Util", "r.q.Util"));
    assertThat(names.of("a.Main")).isEqualTo("a.Main");
    assertThat(names.of("b.Main")).isEqualTo("b.Main");
    assertThat(names.of("a.Handler")).isEqualTo("Handler");
    assertThat(names.of("p.q.Util")).isEqualTo("p.q.Util");
    assertThat(names.of("Unlisted")).isEqualTo("Unlisted");
  }
}

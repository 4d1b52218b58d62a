package dev.molt.appup;

import static dev.molt.appup.testkit.Samples.handler;
import static dev.molt.appup.testkit.Samples.main;
import static dev.molt.appup.testkit.ReleaseGen.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;

import dev.molt.appup.error.InvalidOverrideException;
import dev.molt.appup.plan.Plan;
import dev.molt.appup.plan.UpgradePath;
import dev.molt.appup.testkit.ClassGen;
import dev.molt.appup.testkit.JarGen;
import dev.molt.format.Appup;
import dev.molt.format.Instruction;
import dev.molt.format.UpgradeFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverridesTest {
  @TempDir Path dir;
  Path v1;
  Path v2;
  Path overrides;

  @BeforeEach
  void releases() throws Exception {
    v1 = release("r", "1.0.0").app("web", "1.0.0", JarGen.jar().add(main(1), handler(1)), "a.Main")
        .write(dir.resolve("1"));
    ClassGen data = ClassGen.of("a.Data").method(ACC_PUBLIC | ACC_STATIC, "migrate", "()I", 1);
    v2 = release("r", "1.1.0").app("web", "1.1.0", JarGen.jar().add(main(1), handler(2), data), "a.Main")
        .write(dir.resolve("2"));
    overrides = dir.resolve("rel/appups");
  }

  PlanRequest request() {
    return new PlanRequest(List.of(v1), v2, Optional.of(overrides));
  }

  void write(Appup appup) throws Exception {
    UpgradeFormats.writeAppup(overrides.resolve("web/1.0.0-1.1.0.json"), appup);
  }

  @Test
  void writeAppups_thenPlanWithThem_givesTheSamePlanMarkedOverridden() throws Exception {
    Plan generated = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2));
    List<Path> files = AppupCompiler.writeAppups(generated, overrides);
    assertThat(files).containsExactly(overrides.resolve("web/1.0.0-1.1.0.json"));
    UpgradePath p = AppupCompiler.plan(request()).paths().get(0);
    assertThat(p.up()).isEqualTo(generated.paths().get(0).up());
    assertThat(p.app("web").orElseThrow().overridden()).contains(files.get(0).toString());
  }

  @Test
  void plan_overrideWithApply_replacesGeneratedInstructions() throws Exception {
    write(new Appup("web", "1.0.0", "1.1.0",
        List.of(new Instruction.Redefine(List.of("a.Handler")), new Instruction.Apply("a.Data", "migrate")),
        List.of(new Instruction.Redefine(List.of("a.Handler")))));
    UpgradePath p = AppupCompiler.plan(request()).paths().get(0);
    assertThat(p.app("web").orElseThrow().up()).endsWith(new Instruction.Apply("a.Data", "migrate"));
    assertThat(p.app("web").orElseThrow().notes().get(0).message()).contains("appup replaced by")
        .contains("(generated: define, redefine)");
  }

  @Test
  void plan_overrideNamingMissingClassAndMethod_reportsEveryProblem() throws Exception {
    write(new Appup("web", "1.0.0", "1.1.0",
        List.of(new Instruction.Redefine(List.of("a.Ghost")), new Instruction.Apply("a.Data", "nope")),
        List.of()));
    assertThatThrownBy(() -> AppupCompiler.plan(request()))
        .isInstanceOf(InvalidOverrideException.class)
        .hasMessageContaining("1.0.0-1.1.0.json")
        .hasMessageContaining("up[0] redefine names class a.Ghost, which web 1.0.0 does not have")
        .hasMessageContaining("up[1] apply names method a.Data.nope()")
        .hasMessageContaining("fix the override");
  }

  @Test
  void plan_overrideForOtherVersions_saysSoInPath() throws Exception {
    Path file = overrides.resolve("web/1.0.0-1.1.0.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, UpgradeFormats.toJson(new Appup("web", "0.9.0", "1.1.0", List.of(), List.of())));
    assertThatThrownBy(() -> AppupCompiler.plan(request()))
        .isInstanceOf(InvalidOverrideException.class)
        .hasMessageContaining("holds the appup of web 0.9.0 -> 1.1.0, but its path says web 1.0.0 -> 1.1.0");
  }

  @Test
  void plan_overrideNotJson_namesTheFile() throws Exception {
    Path file = overrides.resolve("web/1.0.0-1.1.0.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{ nope");
    assertThatThrownBy(() -> AppupCompiler.plan(request()))
        .isInstanceOf(InvalidOverrideException.class).hasMessageContaining("1.0.0-1.1.0.json: not valid JSON");
  }

  @Test
  void plan_overrideForAppWithSameVersion_isValidatedAndUsed() throws Exception {
    Path lib1 = release("r", "1.0.0").lib("lib", "1.0.0", JarGen.jar().add(handler(1)))
        .app("web", "1.0.0", JarGen.jar().add(main(1)), "a.Main", "lib").write(dir.resolve("s1"));
    Path lib2 = release("r", "1.1.0").lib("lib", "1.0.0", JarGen.jar().add(handler(1)))
        .app("web", "1.1.0", JarGen.jar().add(main(2)), "a.Main", "lib").write(dir.resolve("s2"));
    UpgradeFormats.writeAppup(overrides.resolve("lib/1.0.0-1.0.0.json"), new Appup("lib", "1.0.0", "1.0.0",
        List.of(new Instruction.RestartApplication()), List.of(new Instruction.RestartApplication())));
    UpgradePath p = AppupCompiler.plan(new PlanRequest(List.of(lib1), lib2, Optional.of(overrides))).paths().get(0);
    assertThat(p.app("lib").orElseThrow().overridden()).isPresent();
    assertThat(p.app("web").orElseThrow().up()).containsExactly(new Instruction.RestartApplication(),
        new Instruction.Purge());
  }
}

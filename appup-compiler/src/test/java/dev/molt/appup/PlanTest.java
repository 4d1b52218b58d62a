package dev.molt.appup;

import static dev.molt.appup.testkit.ReleaseGen.release;
import static dev.molt.appup.testkit.Samples.handler;
import static dev.molt.appup.testkit.Samples.main;
import static org.assertj.core.api.Assertions.assertThat;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;

import dev.molt.appup.plan.AppChange;
import dev.molt.appup.plan.Gate;
import dev.molt.appup.plan.Plan;
import dev.molt.appup.plan.UpgradePath;
import dev.molt.appup.testkit.ClassGen;
import dev.molt.appup.testkit.JarGen;
import dev.molt.format.Instruction;
import dev.molt.format.RelupStep;
import dev.molt.format.RuntimeSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instructions chosen for each kind of change, and their order in the relup. */
class PlanTest {
  static final String SERVICE_API = "dev.molt.api.StatefulService";
  static final String MIGRATION_API = "dev.molt.api.StateMigration";

  @TempDir Path dir;

  static ClassGen service(boolean perPath) {
    ClassGen g = ClassGen.of("a.Counter").implement(SERVICE_API).field(ACC_PRIVATE, "requests", "J");
    return perPath ? ClassGen.of("a.Counter").implement(SERVICE_API).field(ACC_PRIVATE, "perPath", "Ljava/util/Map;") : g;
  }

  Path rel(String vsn, JarGen app) throws Exception {
    return release("r", vsn).app("web", vsn, app, "a.Main").write(dir.resolve(vsn));
  }

  static List<String> ops(List<RelupStep> steps) {
    return steps.stream().map(s -> s.instruction().op() + s.app().map(a -> ":" + a).orElse("")).toList();
  }

  @Test
  void plan_bodyOnlyChange_redefinesUpAndDownWithoutPurge() throws Exception {
    Path v1 = rel("1.0.0", JarGen.jar().add(main(1), handler(1)));
    Path v2 = rel("1.1.0", JarGen.jar().add(main(1), handler(2)));
    UpgradePath p = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)).paths().get(0);
    assertThat(p.app("web").orElseThrow().up()).containsExactly(new Instruction.Redefine(List.of("a.Handler")));
    assertThat(p.app("web").orElseThrow().down()).containsExactly(new Instruction.Redefine(List.of("a.Handler")));
    assertThat(ops(p.up().steps())).containsExactly("redefine:web", "point_of_no_return");
    assertThat(p.app("web").orElseThrow().notes().get(0).message())
        .isEqualTo("body-only change in Handler (handle()I): redefine in place");
  }

  @Test
  void plan_addedClassWithBodyChange_definesBeforeRedefining() throws Exception {
    Path v1 = rel("1.0.0", JarGen.jar().add(main(1), handler(1)));
    Path v2 = rel("1.1.0", JarGen.jar().add(main(1), handler(2), ClassGen.of("a.Sub").extend("a.Base"), ClassGen.of("a.Base")));
    UpgradePath p = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)).paths().get(0);
    assertThat(p.app("web").orElseThrow().up()).containsExactly(
        new Instruction.Define(List.of("a.Base", "a.Sub")), new Instruction.Redefine(List.of("a.Handler")));
    assertThat(p.app("web").orElseThrow().down()).containsExactly(new Instruction.Redefine(List.of("a.Handler")));
  }

  @Test
  void plan_structuralServiceNotPublishedThroughAContract_restartsTheApp() throws Exception {
    // the pattern of book_app before dev.molt.api.Services: callers named the service class, so
    // an update would leave them linked to the old one (ServiceUnitsTest has the unit rules)
    ClassGen migration = ClassGen.of("a.CounterMigration").implement(MIGRATION_API);
    Path v1 = rel("1.0.0", JarGen.jar().add(main(1), service(false)));
    Path v2 = rel("2.0.0", JarGen.jar().add(main(1), service(true), migration));
    UpgradePath p = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)).paths().get(0);
    assertThat(p.app("web").orElseThrow().up()).containsExactly(new Instruction.RestartApplication(),
        new Instruction.Purge());
    assertThat(p.app("web").orElseThrow().notes()).extracting(n -> n.message()).contains(
        "cannot update unit a: unit a holds the entry point a.Main of 1.0.0, which the app's loader"
            + " keeps: put the service in a package of its own",
        "cannot update unit a: Counter is not published in 1.0.0 by a call Services.publish("
            + "Contract.class, Counter.class) of the app or its dependents, so its callers do not"
            + " hold a handle");
  }

  @Test
  void plan_structuralChangeInALibrary_restartsTheApplicationsHoldingIt() throws Exception {
    Path v1 = release("r", "1.0.0").lib("core", "1.0.0", JarGen.jar().add(handler(1)))
        .app("web", "1.0.0", JarGen.jar().add(main(1)), "a.Main", "core").write(dir.resolve("1"));
    Path v2 = release("r", "2.0.0").lib("core", "2.0.0", JarGen.jar().add(handler(1).field(ACC_PRIVATE, "x", "I")))
        .app("web", "1.0.0", JarGen.jar().add(main(1)), "a.Main", "core").write(dir.resolve("2"));
    UpgradePath p = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)).paths().get(0);
    assertThat(p.app("core").orElseThrow().up()).isEmpty();
    assertThat(p.app("core").orElseThrow().notes()).extracting(n -> n.message()).containsExactly(
        "library core needs a new class loader: the applications holding it restart (web)",
        "structural change in Handler: field x:I added");
    assertThat(p.app("web").orElseThrow().change()).isEqualTo(AppChange.UNCHANGED);
    assertThat(p.app("web").orElseThrow().notes().get(0).message())
        .isEqualTo("library core on its class path needs a new loader");
    assertThat(p.app("web").orElseThrow().notes()).last().extracting(n -> n.message())
        .isEqualTo("restart_application: the in-memory state of web is lost and it serves no calls while it restarts");
    assertThat(ops(p.up().steps())).containsExactly("restart_application:web", "point_of_no_return",
        "purge:web");
    assertThat(ops(p.down().steps())).containsExactly("restart_application:web", "point_of_no_return",
        "purge:web");
  }

  @Test
  void plan_libraryBumpWithBodyOnlyChanges_redefinesTheLibraryAndLeavesDependents() throws Exception {
    Path v1 = release("r", "1.0.0").lib("core", "1.0.0", JarGen.jar().add(handler(1)))
        .app("web", "1.0.0", JarGen.jar().add(main(1)), "a.Main", "core").write(dir.resolve("1"));
    Path v2 = release("r", "2.0.0").lib("core", "1.0.1", JarGen.jar().add(handler(2)))
        .app("web", "1.0.0", JarGen.jar().add(main(1)), "a.Main", "core").write(dir.resolve("2"));
    UpgradePath p = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)).paths().get(0);
    assertThat(ops(p.up().steps())).containsExactly("redefine:core", "point_of_no_return");
    assertThat(p.app("web").orElseThrow().up()).isEmpty();
  }

  @Test
  void plan_staticInitializerChanged_restartsInsteadOfRedefining() throws Exception {
    Path v1 = rel("1.0.0", JarGen.jar().add(main(1), handler(1).staticInit(1)));
    Path v2 = rel("1.1.0", JarGen.jar().add(main(1), handler(1).staticInit(2)));
    UpgradePath p = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)).paths().get(0);
    assertThat(p.app("web").orElseThrow().restarts()).isTrue();
    assertThat(p.app("web").orElseThrow().notes().get(0).message())
        .startsWith("static initializer of Handler changed; redefine would not run it again");
  }

  @Test
  void plan_appAddedAndRemoved_ordersDependenciesFirstUpAndLastDown() throws Exception {
    Path v1 = release("r", "1.0.0").app("web", "1.0.0", JarGen.jar().add(main(1)), "a.Main")
        .app("old", "1.0.0", JarGen.jar().add(ClassGen.of("o.Old")), "o.Old").write(dir.resolve("1"));
    Path v2 = release("r", "2.0.0").lib("lib", "1.0.0", JarGen.jar().add(ClassGen.of("l.L")))
        .app("web", "1.0.0", JarGen.jar().add(main(1)), "a.Main")
        .app("stats", "1.0.0", JarGen.jar().add(ClassGen.of("s.S")), "s.S", "lib").write(dir.resolve("2"));
    UpgradePath p = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)).paths().get(0);
    // a library has no loader: it arrives with the package and is loaded by its applications
    assertThat(ops(p.up().steps())).containsExactly("add_application:stats",
        "remove_application:old", "point_of_no_return", "purge:old");
    assertThat(ops(p.down().steps())).containsExactly("add_application:old", "remove_application:stats",
        "point_of_no_return", "purge:stats");
    assertThat(p.app("lib").orElseThrow().notes().get(0).message())
        .startsWith("new library lib 1.0.0: the applications whose class path gains it restart");
  }

  @Test
  void plan_plainMainApp_bodyOnlyChange_staysARedefine() throws Exception {
    Path v1 = release("r", "1.0.0").mainApp("web", "1.0.0", JarGen.jar().add(main(1), handler(1)), "a.Main")
        .write(dir.resolve("1"));
    Path v2 = release("r", "1.1.0").mainApp("web", "1.1.0", JarGen.jar().add(main(1), handler(2)), "a.Main")
        .write(dir.resolve("2"));
    UpgradePath p = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)).paths().get(0);
    assertThat(p.restartJvm()).isEmpty();
    assertThat(ops(p.up().steps())).containsExactly("redefine:web", "point_of_no_return");
  }

  @Test
  void plan_plainMainApp_structuralChange_isRestartJvm_notRestartApplication() throws Exception {
    Path v1 = release("r", "1.0.0").mainApp("web", "1.0.0", JarGen.jar().add(main(1), handler(1)), "a.Main")
        .write(dir.resolve("1"));
    Path v2 = release("r", "2.0.0").mainApp("web", "2.0.0",
        JarGen.jar().add(main(1), handler(1).field(ACC_PRIVATE, "x", "I")), "a.Main").write(dir.resolve("2"));
    UpgradePath p = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)).paths().get(0);
    assertThat(p.restartJvm()).hasValueSatisfying(why -> assertThat(why)
        .startsWith("app web is started by main, which cannot be stopped inside the JVM")
        .contains("structural change in Handler"));
    assertThat(ops(p.up().steps())).containsExactly("point_of_no_return", "restart_jvm");
    assertThat(ops(p.down().steps())).containsExactly("point_of_no_return", "restart_jvm");
  }

  @Test
  void plan_kernelChanged_isOneRestartJvm() throws Exception {
    Path v1 = release("r", "1.0.0").app("web", "1.0.0", JarGen.jar().add(main(1)), "a.Main").write(dir.resolve("1"));
    Path v2 = release("r", "1.1.0").kernel("0.2.0").app("web", "1.0.1", JarGen.jar().add(main(2)), "a.Main")
        .write(dir.resolve("2"));
    UpgradePath p = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)).paths().get(0);
    assertThat(p.restartJvm()).contains("kernel 0.1.0 -> 0.2.0");
    assertThat(ops(p.up().steps())).containsExactly("point_of_no_return", "restart_jvm");
    assertThat(ops(p.down().steps())).containsExactly("point_of_no_return", "restart_jvm");
  }

  @Test
  void plan_runtimeChanged_isRestartJvm() throws Exception {
    Path v1 = release("r", "1.0.0").app("web", "1.0.0", JarGen.jar().add(main(1)), "a.Main").write(dir.resolve("1"));
    Path v2 = release("r", "1.1.0").runtime(new RuntimeSpec(true, "17.0.15", List.of("java.base")))
        .app("web", "1.0.0", JarGen.jar().add(main(1)), "a.Main").write(dir.resolve("2"));
    UpgradePath p = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)).paths().get(0);
    assertThat(p.restartJvm().orElseThrow()).startsWith("runtime system Java -> embedded Java 17.0.15");
  }

  @Test
  void plan_severalEarlierReleases_givesOneRelupPlanEachWay() throws Exception {
    Path v1 = rel("1.0.0", JarGen.jar().add(main(1), handler(1)));
    Path v2 = rel("1.1.0", JarGen.jar().add(main(1), handler(2)));
    Path v3 = rel("1.2.0", JarGen.jar().add(main(1), handler(3)));
    Plan plan = AppupCompiler.plan(PlanRequest.of(List.of(v1, v2), v3));
    assertThat(plan.relup().up()).extracting(p -> p.version()).containsExactly("1.0.0", "1.1.0");
    assertThat(plan.relup().down()).extracting(p -> p.version()).containsExactly("1.0.0", "1.1.0");
  }

  @Test
  void violations_gateRestart_listsRestartStepsOnly() throws Exception {
    Path v1 = rel("1.0.0", JarGen.jar().add(main(1), handler(1)));
    Path v2 = rel("2.0.0", JarGen.jar().add(main(1), handler(1).field(ACC_PUBLIC | ACC_STATIC, "n", "I")));
    Plan plan = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2));
    assertThat(plan.violations(Gate.RESTART)).containsExactly("1.0.0 -> 2.0.0: restart_application web",
        "2.0.0 -> 1.0.0: restart_application web");
    assertThat(plan.violations(Gate.RESTART_JVM)).isEmpty();
  }
}

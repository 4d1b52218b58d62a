package dev.molt.appup;

import static dev.molt.appup.testkit.FixtureRelease.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.appup.plan.AppChange;
import dev.molt.appup.plan.Plan;
import dev.molt.appup.plan.UpgradePath;
import dev.molt.appup.report.UnchangedApps;
import dev.molt.format.Instruction;
import dev.molt.format.RelupStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Plans between the book_app fixture releases, built from the fixture modules' jars:
 * 0.1.0 -> 0.2.0 (body-only fix), 0.2.0 -> 0.3.0 (the service's unit changed with a migration,
 * book_stats added), 0.3.0 -> 0.4.0 (book_stats removed, H2 version changed), 0.1.0 -> 0.3.0
 * directly, every way back, and 0.3.0 with its contract changed (no update then).
 */
class FixturePlansIT {
  static final String BOOK = "dev.molt.fixtures.book.";
  static final String UNIT = BOOK + "service";
  static final Instruction.Update UPDATE = new Instruction.Update(UNIT + ".BookService", UNIT,
      Optional.of(UNIT + ".BookServiceMigration"));

  @TempDir static Path dir;
  static Path v1;
  static Path v2;
  static Path v3;
  static Path v4;

  @BeforeAll
  static void releases() throws Exception {
    v1 = release("book_app", "0.1.0").app("book_app", "0.1.0", BOOK + "BookApp").write(dir.resolve("0.1.0"));
    v2 = release("book_app", "0.2.0").app("book_app", "0.2.0", BOOK + "BookApp").write(dir.resolve("0.2.0"));
    v3 = release("book_app", "0.3.0").app("book_app", "0.3.0", BOOK + "BookApp")
        .app("book_stats", "0.1.0", "dev.molt.fixtures.stats.StatsApp").write(dir.resolve("0.3.0"));
    v4 = release("book_app", "0.4.0").app("book_app", "0.4.0", BOOK + "BookApp").write(dir.resolve("0.4.0"));
  }

  static UpgradePath path(Path from, Path to) throws Exception {
    return AppupCompiler.plan(PlanRequest.of(List.of(from), to)).paths().get(0);
  }

  static List<String> ops(List<RelupStep> steps) {
    return steps.stream().map(s -> s.instruction().op() + s.app().map(a -> ":" + a).orElse("")).toList();
  }

  @Test
  void plan_0_1_0_to_0_2_0_redefinesTheHandler() throws Exception {
    UpgradePath p = path(v1, v2);
    Instruction.Redefine redefine = new Instruction.Redefine(List.of(BOOK + "BookHandler", BOOK + "PlainContext"));
    assertThat(p.app("book_app").orElseThrow().up()).containsExactly(redefine);
    assertThat(p.app("book_app").orElseThrow().down()).containsExactly(redefine);
    assertThat(p.app("h2").orElseThrow().change()).isEqualTo(AppChange.UNCHANGED);
    assertThat(ops(p.up().steps())).containsExactly("redefine:book_app", "point_of_no_return");
    assertThat(ops(p.down().steps())).containsExactly("redefine:book_app", "point_of_no_return");
  }

  @Test
  void plan_0_2_0_to_0_3_0_updatesTheServiceUnitWithMigrationAndAddsBookStats() throws Exception {
    UpgradePath p = path(v2, v3);
    // BookHandler holds the contract Books and is unchanged; the migration comes with the unit
    assertThat(p.app("book_app").orElseThrow().up()).containsExactly(
        new Instruction.Redefine(List.of(BOOK + "PlainContext")), UPDATE, new Instruction.Purge());
    assertThat(p.app("book_app").orElseThrow().down()).containsExactly(
        UPDATE, new Instruction.Redefine(List.of(BOOK + "PlainContext")), new Instruction.Purge());
    assertThat(p.app("book_app").orElseThrow().notes()).anyMatch(n -> n.message()
        .equals("unit dev.molt.fixtures.book.service changed (BookService structural, "
            + "BookServiceMigration added): update BookService with state migration BookServiceMigration"));
    assertThat(ops(p.up().steps())).containsExactly("redefine:book_app", "update:book_app",
        "add_application:book_stats", "point_of_no_return", "purge:book_app");
    assertThat(ops(p.down().steps())).containsExactly("remove_application:book_stats", "update:book_app",
        "redefine:book_app", "point_of_no_return", "purge:book_stats", "purge:book_app");
  }

  @Test
  void plan_0_1_0_to_0_3_0_directly_isTheSameKindOfPlan() throws Exception {
    UpgradePath p = path(v1, v3);
    assertThat(ops(p.up().steps())).containsExactly("redefine:book_app", "update:book_app",
        "add_application:book_stats", "point_of_no_return", "purge:book_app");
    assertThat(p.app("book_app").orElseThrow().down()).containsExactly(UPDATE,
        new Instruction.Redefine(List.of(BOOK + "BookHandler", BOOK + "PlainContext")), new Instruction.Purge());
  }

  @Test
  void plan_0_3_0_to_0_4_0_removesBookStatsAndRestartsForTheNewH2() throws Exception {
    UpgradePath p = path(v3, v4);
    assertThat(p.app("h2").orElseThrow().up()).isEmpty();
    assertThat(p.app("h2").orElseThrow().notes().get(0).message())
        .startsWith("library h2 needs a new class loader: the applications holding it restart (book_app)");
    assertThat(p.app("book_app").orElseThrow().notes().get(0).message())
        .isEqualTo("library h2 on its class path needs a new loader");
    assertThat(ops(p.up().steps())).containsExactly("restart_application:book_app",
        "remove_application:book_stats", "point_of_no_return", "purge:book_app", "purge:book_stats");
    assertThat(ops(p.down().steps())).containsExactly("add_application:book_stats",
        "restart_application:book_app", "point_of_no_return", "purge:book_app");
  }

  @Test
  void relup_0_4_0_fromEveryEarlierRelease_hasAPlanEachWay() throws Exception {
    Plan plan = AppupCompiler.plan(PlanRequest.of(List.of(v1, v2, v3), v4));
    assertThat(plan.relup().up()).extracting(r -> r.version()).containsExactly("0.1.0", "0.2.0", "0.3.0");
    assertThat(plan.relup().down()).extracting(r -> r.version()).containsExactly("0.1.0", "0.2.0", "0.3.0");
    // 0.1.0 -> 0.4.0 restarts book_app (H2 changed), so its BookService change needs no update
    assertThat(ops(plan.from("0.1.0").orElseThrow().up().steps()))
        .containsExactly("restart_application:book_app", "point_of_no_return", "purge:book_app");
  }

  @Test
  void plan_0_2_0_to_0_3_0_withTheContractChangedStructurally_restartsBookApp() throws Exception {
    // 0.3.0 as built, but with a method added to the contract Books
    Path changed = release("book_app", "0.3.0").app("book_app", "0.3.0", BOOK + "BookApp")
        .transform("book_app", "dev/molt/fixtures/book/Books.class", FixturePlansIT::withExtraMethod)
        .write(dir.resolve("0.3.0-contract"));
    UpgradePath p = path(v2, changed);
    assertThat(p.app("book_app").orElseThrow().up()).containsExactly(
        new Instruction.RestartApplication(), new Instruction.Purge());
    assertThat(p.app("book_app").orElseThrow().notes()).extracting(n -> n.message()).contains(
        "cannot update unit dev.molt.fixtures.book.service: contract Books changed structurally "
            + "(method pathCount()I added); its callers were linked against the old one");
  }

  static byte[] withExtraMethod(byte[] contract) {
    ClassWriter out = new ClassWriter(0);
    new ClassReader(contract).accept(new ClassVisitor(Opcodes.ASM9, out) {
      @Override
      public void visitEnd() {
        super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "pathCount", "()I", null, null)
            .visitEnd();
        super.visitEnd();
      }
    }, 0);
    return out.toByteArray();
  }

  @Test
  void describe_0_2_0_to_0_3_0_explainsEachApp() throws Exception {
    String text = AppupCompiler.describe(AppupCompiler.plan(PlanRequest.of(List.of(v2), v3)));
    assertThat(text).contains("Release book_app 0.2.0 -> 0.3.0")
        .contains("book_app 0.2.0 -> 0.3.0 [MEDIUM]")
        .contains("update BookService [MEDIUM]: unit dev.molt.fixtures.book.service changed (BookService "
            + "structural, BookServiceMigration added): update BookService with state migration BookServiceMigration")
        .contains("2. update book_app BookService (unit dev.molt.fixtures.book.service, migration "
            + "BookServiceMigration)")
        .contains("book_stats 0.1.0 (new) [MEDIUM]")
        .containsPattern("\n  \\d+ apps? unchanged:\n(    .+\n)*    h2 2\\.5\\.252\n");
  }

  @Test
  void describe_counted_0_2_0_to_0_3_0_countsTheUnchangedLibrariesOnOneLine() throws Exception {
    String text = AppupCompiler.describe(AppupCompiler.plan(PlanRequest.of(List.of(v2), v3)),
        UnchangedApps.count("--verbose"));
    assertThat(text).contains("book_app 0.2.0 -> 0.3.0 [MEDIUM]", "book_stats 0.1.0 (new) [MEDIUM]")
        .containsPattern("\n  \\d+ apps? unchanged \\(--verbose lists them\\)\n")
        .doesNotContain("h2");
  }

  @Test
  void upgradePackage_0_2_0_to_0_3_0_shipsOnlyTheNewLibDirs() throws Exception {
    UpgradePackageResult r = AppupCompiler.upgradePackage(PlanRequest.of(List.of(v2), v3), dir.resolve("pkg"));
    assertThat(Files.size(r.tarball())).isPositive();
    assertThat(dev.molt.appup.pack.TarEntries.names(r.tarball())).contains(
        "book_app/lib/book_app-0.3.0/book_app-0.3.0.jar", "book_app/lib/book_stats-0.1.0/book_stats-0.1.0.jar",
        "book_app/releases/0.3.0/relup.json")
        .noneMatch(n -> n.startsWith("book_app/lib/h2-"))
        .noneMatch(n -> n.startsWith("book_app/lib/molt-kernel-"));
  }
}

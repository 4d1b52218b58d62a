package dev.molt.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpgradeFormatsTest {
  @TempDir Path dir;

  static Appup sampleAppup() {
    return new Appup("book_app", "0.2.0", "0.3.0",
        List.of(new Instruction.Define(List.of("a.New")),
            new Instruction.Redefine(List.of("a.Handler")),
            new Instruction.Update("a.BookService", Optional.of("a.BookServiceMigration")),
            new Instruction.Apply("a.Data", "migrate"),
            new Instruction.Purge()),
        List.of(new Instruction.Update("a.BookService", Optional.empty()),
            new Instruction.Redefine(List.of("a.Handler")), new Instruction.Purge()));
  }

  static Relup sampleRelup() {
    RelupPlan up = new RelupPlan("0.2.0", List.of(
        RelupStep.of("book_stats", new Instruction.AddApplication()),
        RelupStep.of("book_app", new Instruction.RestartApplication()),
        RelupStep.node(new Instruction.PointOfNoReturn()),
        RelupStep.of("book_app", new Instruction.Purge())));
    RelupPlan down = new RelupPlan("0.1.0", List.of(
        RelupStep.node(new Instruction.PointOfNoReturn()),
        RelupStep.node(new Instruction.RestartJvm("kernel 0.2.0 -> 0.1.0"))));
    return new Relup("book_app", "0.3.0", List.of(up), List.of(down));
  }

  @Test
  void appup_writeThenRead_isTheSameAndCanonical() throws Exception {
    Path file = dir.resolve("0.2.0-0.3.0.json");
    UpgradeFormats.writeAppup(file, sampleAppup());
    assertThat(UpgradeFormats.readAppup(file)).isEqualTo(sampleAppup());
    String text = Files.readString(file);
    assertThat(text).startsWith("{\n  \"schema\" : 1,").contains("\"op\" : \"update\"").endsWith("}\n");
  }

  @Test
  void relup_writeThenRead_isTheSame() throws Exception {
    Path file = dir.resolve("relup.json");
    UpgradeFormats.writeRelup(file, sampleRelup());
    assertThat(UpgradeFormats.readRelup(file)).isEqualTo(sampleRelup());
    assertThat(sampleRelup().upFrom("0.2.0").orElseThrow().pointOfNoReturn()).isEqualTo(2);
  }

  @Test
  void update_unitIsWritten_andReadAsTheServicePackageWhenAbsent() throws Exception {
    Path file = dir.resolve("0.2.0-0.3.0.json");
    UpgradeFormats.writeAppup(file, sampleAppup());
    assertThat(Files.readString(file)).contains("\"unit\" : \"a\"");
    Files.writeString(file, "{\"schema\":1,\"app\":\"a\",\"from\":\"1\",\"to\":\"2\","
        + "\"up\":[{\"op\":\"update\",\"service\":\"a.b.Svc\"}],\"down\":[]}");
    assertThat(UpgradeFormats.readAppup(file).up())
        .containsExactly(new Instruction.Update("a.b.Svc", "a.b", Optional.empty()));
  }

  @Test
  void update_serviceOrMigrationOutsideItsUnit_isRefusedNamingBoth() {
    assertThatThrownBy(() -> new Instruction.Update("a.b.Svc", "a.c", Optional.empty()))
        .hasMessageContaining("a.b.Svc is not in its unit a.c");
    assertThatThrownBy(() -> new Instruction.Update("a.b.Svc", "a.b", Optional.of("a.Mig")))
        .hasMessageContaining("migration a.Mig is not in its unit a.b");
    assertThatThrownBy(() -> new Instruction.Update("Svc", Optional.empty()))
        .hasMessageContaining("unnamed package");
  }

  @Test
  void appup_unknownOp_namesFieldAndKnownOps() throws Exception {
    Path file = dir.resolve("x.json");
    Files.writeString(file, "{\"schema\":1,\"app\":\"a\",\"from\":\"1\",\"to\":\"2\","
        + "\"up\":[{\"op\":\"reload\"}],\"down\":[]}");
    assertThatThrownBy(() -> UpgradeFormats.readAppup(file))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("x.json").hasMessageContaining("up[0].op")
        .hasMessageContaining("redefine");
  }

  @Test
  void appup_redefineWithoutClasses_isInvalid() throws Exception {
    Path file = dir.resolve("x.json");
    Files.writeString(file, "{\"schema\":1,\"app\":\"a\",\"from\":\"1\",\"to\":\"2\","
        + "\"up\":[{\"op\":\"redefine\",\"classes\":[]}],\"down\":[]}");
    assertThatThrownBy(() -> UpgradeFormats.readAppup(file))
        .hasMessageContaining("up[0]").hasMessageContaining("names no classes");
  }

  @Test
  void relup_planWithoutPointOfNoReturn_isInvalid() throws Exception {
    Path file = dir.resolve("relup.json");
    Files.writeString(file, "{\"schema\":1,\"release\":\"r\",\"version\":\"2\","
        + "\"up\":[{\"from\":\"1\",\"steps\":[{\"op\":\"purge\",\"app\":\"a\"}]}],\"down\":[]}");
    assertThatThrownBy(() -> UpgradeFormats.readRelup(file))
        .hasMessageContaining("up[0]").hasMessageContaining("point_of_no_return");
  }

  @Test
  void relupStep_appStepWithoutApp_isRejected() {
    assertThatThrownBy(() -> RelupStep.node(new Instruction.Purge()))
        .hasMessageContaining("purge needs the app");
  }
}

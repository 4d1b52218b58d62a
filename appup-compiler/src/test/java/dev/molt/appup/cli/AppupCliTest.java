package dev.molt.appup.cli;

import static dev.molt.appup.testkit.ReleaseGen.release;
import static dev.molt.appup.testkit.Samples.handler;
import static dev.molt.appup.testkit.Samples.main;
import static org.assertj.core.api.Assertions.assertThat;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;

import dev.molt.appup.testkit.JarGen;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppupCliTest {
  @TempDir Path dir;
  Path v1;
  Path v2;
  Path v3;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void releases() throws Exception {
    v1 = release("shop", "1.0.0").app("web", "1.0.0", JarGen.jar().add(main(1), handler(1)), "a.Main").write(dir.resolve("v1"));
    v2 = release("shop", "1.1.0").app("web", "1.1.0", JarGen.jar().add(main(1), handler(2)), "a.Main").write(dir.resolve("v2"));
    v3 = release("shop", "2.0.0").app("web", "2.0.0",
        JarGen.jar().add(main(1), handler(2).field(ACC_PRIVATE, "x", "I")), "a.Main").write(dir.resolve("v3"));
  }

  int run(String... args) {
    return AppupCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void plan_bodyOnly_printsPlanAndExitsZero() {
    assertThat(run("plan", "--from", v1.toString(), "--to", v2.toString(), "--fail-on", "restart")).isZero();
    assertThat(out.toString()).contains("Release shop 1.0.0 -> 1.1.0")
        .contains("redefine Handler [LOW]: body-only change in Handler (handle()I): redefine in place")
        .contains("-- point_of_no_return --");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void plan_unchangedLibraries_areCountedAndVerboseListsThem() throws Exception {
    Path a = release("shop", "1.0.0").lib("util", "1.0.0", JarGen.jar().add(handler(1)))
        .app("web", "1.0.0", JarGen.jar().add(main(1)), "a.Main", "util").write(dir.resolve("a"));
    Path b = release("shop", "1.1.0").lib("util", "1.0.0", JarGen.jar().add(handler(1)))
        .app("web", "1.1.0", JarGen.jar().add(main(2)), "a.Main", "util").write(dir.resolve("b"));

    assertThat(run("plan", "--from", a.toString(), "--to", b.toString())).isZero();
    assertThat(out.toString()).contains("  web 1.0.0 -> 1.1.0 [LOW]\n")
        .contains("  1 app unchanged (--verbose lists them)\n").doesNotContain("util");

    out.getBuffer().setLength(0);
    assertThat(run("plan", "--verbose", "--from", a.toString(), "--to", b.toString())).isZero();
    assertThat(out.toString()).contains("  web 1.0.0 -> 1.1.0 [LOW]\n")
        .contains("  1 app unchanged:\n    util 1.0.0\n");
  }

  @Test
  void relup_failOnRestart_exitsThreeAndWritesNothing() {
    Path target = dir.resolve("target");
    assertThat(run("relup", "--from", v1 + "," + v2, "--to", v3.toString(), "--out", target.toString(),
        "--fail-on", "restart")).isEqualTo(AppupCli.GATE_FAILED);
    assertThat(err.toString()).contains("fails --fail-on restart").contains("1.0.0 -> 2.0.0: restart_application web");
    assertThat(target).doesNotExist();
  }

  @Test
  void relup_noGate_writesRelupJson() throws Exception {
    Path target = dir.resolve("target");
    assertThat(run("relup", "--from", v1 + "," + v2, "--to", v3.toString(), "--out", target.toString())).isZero();
    assertThat(Files.readString(target.resolve("relup.json"))).contains("\"version\" : \"2.0.0\"");
  }

  @Test
  void appup_writesEditableAppups() {
    Path appups = dir.resolve("rel/appups");
    assertThat(run("appup", "--from", v1.toString(), "--to", v2.toString(), "--out", appups.toString())).isZero();
    assertThat(appups.resolve("web/1.0.0-1.1.0.json")).exists();
  }

  @Test
  void upgradePackage_toOlderThanFrom_exitsFourWithMessage() {
    Path target = dir.resolve("target");
    assertThat(run("upgrade-package", "--from", v2.toString(), "--to", v1.toString(), "--out", target.toString()))
        .isEqualTo(AppupCli.INVALID_INPUT);
    assertThat(err.toString()).startsWith("molt-appup: the release to upgrade to (1.0.0");
    assertThat(target).doesNotExist();
  }

  @Test
  void upgradePackage_withoutFrom_isUsageError() {
    assertThat(run("upgrade-package", "--to", v2.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--from");
  }

  @Test
  void plan_unknownGate_isUsageError() {
    assertThat(run("plan", "--from", v1.toString(), "--to", v2.toString(), "--fail-on", "never")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown gate 'never'");
  }

  @Test
  void help_listsExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("3   the plan fails the --fail-on gate").contains("upgrade-package");
  }
}

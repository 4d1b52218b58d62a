package dev.molt.appup.pack;

import static dev.molt.appup.testkit.ReleaseGen.release;
import static dev.molt.appup.testkit.Samples.handler;
import static dev.molt.appup.testkit.Samples.main;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.appup.error.InvalidReleaseException;
import dev.molt.appup.plan.AppChange;
import dev.molt.appup.plan.AppPlan;
import dev.molt.appup.testkit.ClassGen;
import dev.molt.appup.testkit.JarGen;
import dev.molt.appup.testkit.ReleaseGen;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library rebuilt from unchanged sources (other entry times, same contents) is the same code. */
class RebuiltJarTest {
  static final JarGen LIB = JarGen.jar().add(ClassGen.of("l.L"));

  @TempDir Path dir;

  Path rel(String vsn, JarGen lib, int handler) throws Exception {
    return release("shop", vsn).lib("lib", "1.0.0", lib)
        .app("web", vsn, JarGen.jar().add(main(1), handler(handler)), "a.Main", "lib")
        .write(dir.resolve(vsn));
  }

  static String libSha(Path root) throws Exception {
    return ReleaseGen.sha256(root.resolve("lib/lib-1.0.0/lib-1.0.0.jar"));
  }

  @Test
  void plan_sameVersionRebuiltWithOtherEntryTimes_isUnchangedNotAnError() throws Exception {
    Path v1 = rel("1.0.0", LIB, 1);
    Path v2 = rel("1.1.0", LIB.rebuiltAt(1_800_000_000_000L), 2);
    assertThat(libSha(v1)).isNotEqualTo(libSha(v2));

    AppPlan lib = AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)).paths().get(0).app("lib").orElseThrow();

    assertThat(lib.change()).isEqualTo(AppChange.UNCHANGED);
    assertThat(lib.up()).isEmpty();
  }

  @Test
  void plan_sameVersionWithOtherEntryBytes_isStillAnError() throws Exception {
    Path v1 = rel("1.0.0", LIB, 1);
    Path v2 = rel("1.1.0", JarGen.jar().add(ClassGen.of("l.L")).entry("l/extra.txt", new byte[] {1}), 2);
    assertThatThrownBy(() -> AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)))
        .isInstanceOf(InvalidReleaseException.class)
        .hasMessageContaining("app lib is version 1.0.0 in both").hasMessageContaining("differ in content");
  }

  @Test
  void upgradePackage_rebuiltSharedJar_recordsTheChecksumOfTheJarOnTheNode() throws Exception {
    Path v1 = rel("1.0.0", LIB, 1);
    Path v2 = rel("1.1.0", LIB.rebuiltAt(1_800_000_000_000L), 2);

    Path tarball = AppupCompiler.upgradePackage(PlanRequest.of(List.of(v1), v2), dir.resolve("out")).tarball();

    String json = UpgradePackageTest.read(tarball, "shop/releases/1.1.0/release.json");
    assertThat(json).contains(libSha(v1)).doesNotContain(libSha(v2));
    assertThat(UpgradePackageTest.entries(tarball)).doesNotContainKey("shop/lib/lib-1.0.0/lib-1.0.0.jar");
  }

  @Test
  void upgradePackage_earlierReleasesHoldDifferentRebuilds_refusedNamingTheRemedy() throws Exception {
    Path v1 = rel("1.0.0", LIB, 1);
    Path v11 = rel("1.0.1", LIB.rebuiltAt(1_750_000_000_000L), 3);
    Path v2 = rel("1.1.0", LIB.rebuiltAt(1_800_000_000_000L), 2);
    assertThatThrownBy(() -> AppupCompiler.upgradePackage(PlanRequest.of(List.of(v1, v11), v2), dir.resolve("out")))
        .isInstanceOf(InvalidReleaseException.class)
        .hasMessageContaining("app lib 1.0.0").hasMessageContaining("one upgrade package per earlier release");
  }
}

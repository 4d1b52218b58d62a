package dev.molt.appup;

import static dev.molt.appup.testkit.Samples.handler;
import static dev.molt.appup.testkit.Samples.main;
import static dev.molt.appup.testkit.ReleaseGen.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.appup.error.CorruptClassException;
import dev.molt.appup.error.InvalidReleaseException;
import dev.molt.appup.error.InvalidRequestException;
import dev.molt.appup.testkit.JarGen;
import dev.molt.appup.testkit.ReleaseGen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
  @TempDir Path dir;

  Path rel(String name, String vsn, int handlerValue) throws Exception {
    return release(name, vsn).app("web", vsn, JarGen.jar().add(main(1), handler(handlerValue)), "a.Main")
        .write(dir.resolve(name + "-" + vsn));
  }

  @Test
  void plan_differentReleaseNames_namesBothReleases() throws Exception {
    Path a = rel("shop", "1.0.0", 1);
    Path b = rel("blog", "1.1.0", 2);
    assertThatThrownBy(() -> AppupCompiler.plan(PlanRequest.of(List.of(a), b)))
        .isInstanceOf(InvalidReleaseException.class)
        .hasMessageContaining("is release shop 1.0.0").hasMessageContaining("is release blog 1.1.0")
        .hasMessageContaining("different releases");
  }

  @Test
  void plan_toOlderThanFrom_suggestsSwapping() throws Exception {
    Path a = rel("shop", "1.0.0", 1);
    Path b = rel("shop", "1.1.0", 2);
    assertThatThrownBy(() -> AppupCompiler.plan(PlanRequest.of(List.of(b), a)))
        .isInstanceOf(InvalidReleaseException.class)
        .hasMessageContaining("(1.0.0,").hasMessageContaining("is not newer than")
        .hasMessageContaining("swap --from and --to");
  }

  @Test
  void plan_sameAppVersionWithDifferentJars_asksForNewVersion() throws Exception {
    Path a = release("shop", "1.0.0").app("web", "1.0.0", JarGen.jar().add(main(1), handler(1)), "a.Main")
        .write(dir.resolve("a"));
    Path b = release("shop", "1.1.0").app("web", "1.0.0", JarGen.jar().add(main(1), handler(2)), "a.Main")
        .write(dir.resolve("b"));
    assertThatThrownBy(() -> AppupCompiler.plan(PlanRequest.of(List.of(a), b)))
        .isInstanceOf(InvalidReleaseException.class)
        .hasMessageContaining("app web is version 1.0.0 in both 1.0.0 and 1.1.0")
        .hasMessageContaining("give it a new version");
  }

  @Test
  void plan_corruptJar_namesAppAndJar() throws Exception {
    Path a = rel("shop", "1.0.0", 1);
    Path b = rel("shop", "1.1.0", 2);
    Path jar = b.resolve("lib/web-1.1.0/web-1.1.0.jar");
    Files.write(jar, new byte[] {'P', 'K', 3, 4, 9, 9});
    rewriteChecksums(b, "1.1.0");
    assertThatThrownBy(() -> AppupCompiler.plan(PlanRequest.of(List.of(a), b)))
        .isInstanceOf(CorruptClassException.class)
        .hasMessageContaining("app web 1.1.0: jar web-1.1.0.jar is not a valid jar");
  }

  @Test
  void plan_dependencyCycle_namesTheCycle() throws Exception {
    Path a = rel("shop", "1.0.0", 1);
    Path b = rel("shop", "1.1.0", 2);
    Path json = b.resolve("releases/1.1.0/release.json");
    String text = Files.readString(json)
        .replace("\"name\" : \"web\",", "\"name\" : \"web\",\n      \"dependsOn\" : [ \"web\" ],")
        .replace("\"dependsOn\" : [ ],", "");
    Files.writeString(json, text);
    assertThatThrownBy(() -> AppupCompiler.plan(PlanRequest.of(List.of(a), b)))
        .isInstanceOf(InvalidReleaseException.class)
        .hasMessageContaining("release.json").hasMessageContaining("cycle: web -> web");
  }

  @Test
  void plan_notARelease_saysWhatIsExpected() throws Exception {
    Path a = rel("shop", "1.0.0", 1);
    Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> AppupCompiler.plan(PlanRequest.of(List.of(a), dir.resolve("empty"))))
        .isInstanceOf(InvalidReleaseException.class)
        .hasMessageContaining("not a Molt release: no releases/<vsn>/release.json");
  }

  @Test
  void upgradePackage_noEarlierRelease_failsAndWritesNothing() throws Exception {
    Path b = rel("shop", "1.1.0", 2);
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> AppupCompiler.upgradePackage(PlanRequest.of(List.of(), b), out))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("needs at least one earlier release");
    assertThat(out).doesNotExist();
  }

  static void rewriteChecksums(Path root, String vsn) throws Exception {
    Path json = root.resolve("releases/" + vsn + "/release.json");
    String text = Files.readString(json);
    try (Stream<Path> jars = Files.walk(root.resolve("lib"))) {
      for (Path j : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        String name = j.getFileName().toString();
        int at = text.indexOf("\"file\" : \"" + name + "\"");
        if (at < 0) {
          continue;
        }
        int sha = text.indexOf("\"sha256\" : \"", at) + 12;
        text = text.substring(0, sha) + ReleaseGen.sha256(j) + text.substring(sha + 64);
      }
    }
    Files.writeString(json, text);
  }

  @Test
  void plan_tarballEntryOutsideTheRelease_isRefusedAndCleanedUp() throws Exception {
    Path a = rel("shop", "1.0.0", 1);
    Path evil = dir.resolve("shop-1.1.0.tar.gz");
    try (var out = Files.newOutputStream(evil);
        var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
            new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(out))) {
      var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("shop/../../escaped.txt");
      e.setSize(1);
      tar.putArchiveEntry(e);
      tar.write('x');
      tar.closeArchiveEntry();
    }
    assertThatThrownBy(() -> AppupCompiler.plan(PlanRequest.of(List.of(a), evil)))
        .isInstanceOf(InvalidReleaseException.class)
        .hasMessageContaining("entry shop/../../escaped.txt climbs out");
    assertThat(dir.getParent().resolve("escaped.txt")).doesNotExist();
  }

  /**
   * The good case beside the refusals: a release tarball whose runtime holds relative links that
   * stay inside it, as jlink's {@code legal/} does, is read and planned from.
   */
  @Test
  void plan_upfromTarballWithRelativeLinksInside_isPlanned() throws Exception {
    Path a = rel("shop", "1.0.0", 1);
    Path b = rel("shop", "1.1.0", 2);
    Path tarball = dir.resolve("shop-1.0.0.tar.gz");
    try (var out = Files.newOutputStream(tarball);
        var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
            new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(out));
        Stream<Path> files = Files.walk(a)) {
      tar.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("shop/" + a.relativize(f));
        byte[] bytes = Files.readAllBytes(f);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
      var license = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(
          "shop/runtime/legal/java.base/LICENSE");
      license.setSize(3);
      tar.putArchiveEntry(license);
      tar.write(new byte[] {'g', 'p', 'l'});
      tar.closeArchiveEntry();
      var link = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(
          "shop/runtime/legal/java.sql/LICENSE", org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
      link.setLinkName("../java.base/LICENSE");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
    }

    var plan = AppupCompiler.plan(PlanRequest.of(List.of(tarball), b));

    assertThat(plan.paths()).singleElement().satisfies(p -> assertThat(p.app("web")).isPresent());
  }

  @Test
  void plan_upfromTarballWritingThroughSymlink_isRefusedNothingWrittenOutside() throws Exception {
    Path b = rel("shop", "1.1.0", 2);
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path evil = dir.resolve("shop-1.0.0.tar.gz");
    try (var out = Files.newOutputStream(evil);
        var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
            new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(out))) {
      var link = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("shop/lib",
          org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
      link.setLinkName(outside.toString());
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
      var file = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("shop/lib/owned.txt");
      file.setSize(1);
      tar.putArchiveEntry(file);
      tar.write('x');
      tar.closeArchiveEntry();
    }
    assertThatThrownBy(() -> AppupCompiler.plan(PlanRequest.of(List.of(evil), b)))
        .isInstanceOf(InvalidReleaseException.class)
        .hasMessageContaining(evil.toString()).hasMessageContaining("shop/lib");
    assertThat(outside).isEmptyDirectory();
  }
}

package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.signature.Signatures;
import dev.molt.signature.SshKeyPair;
import dev.molt.testsupport.maven.SampleProject;
import dev.molt.testsupport.maven.SampleProject.Build;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * molt:plan, molt:appup and molt:upgrade-package on the {@code upgrade-app} sample: release 0.1.0 is
 * built and installed once (its tarball attached as tar.gz/release), kept in {@code prev/} as a
 * tarball and as a directory, then 0.2.0 is built with a body-only change to {@code
 * shelf.Greeting}. Each test runs one or more goals on that pair.
 */
class UpgradeGoalsIT {
  private static final String TARBALL = "prev/shelf-0.1.0.tar.gz";
  private static final String DIRECTORY = "prev/0.1.0/shelf";
  private static final String PACKAGE = "target/shelf-0.2.0-upgrade.tar.gz";
  private static final String APPUP = "rel/appups/shelf/0.1.0-0.2.0.json";
  private static final String KEY = "keys/ci";

  @TempDir static Path work;
  private static SampleProject project;
  private static SshKeyPair signingKey;

  @BeforeAll
  static void buildReleases010And020() throws Exception {
    project = SampleProject.copy("upgrade-app", work);
    Build first = project.mvn("install", "-Dmolt.env=prod");
    assertThat(first.exitCode()).as("%s", first).isZero();
    Path prev = Files.createDirectories(project.dir().resolve("prev/0.1.0"));
    Files.copy(project.dir().resolve("target/shelf-0.1.0.tar.gz"), project.dir().resolve(TARBALL));
    copyTree(project.dir().resolve("target/rel/shelf"), prev.resolve("shelf"));

    replace(project.dir().resolve("src/main/java/shelf/Greeting.java"), "first edition", "second edition");
    replace(project.dir().resolve("pom.xml"), "<version>0.1.0</version>", "<version>0.2.0</version>");
    signingKey = Signatures.generate("ci@example.com");
    Signatures.writeKeyPair(project.dir().resolve(KEY), signingKey);
    Files.createDirectories(project.dir().resolve("rel/trusted-keys"));
    Files.copy(project.dir().resolve(KEY + ".pub"), project.dir().resolve("rel/trusted-keys/ci.pub"));
    Build second = project.mvn("clean", "package", "-Dmolt.env=prod");
    assertThat(second.exitCode()).as("%s", second).isZero();
  }

  @AfterEach
  void dropAppupsAndPackages() throws IOException {
    deleteTree(project.dir().resolve("rel/appups"));
    Files.deleteIfExists(project.dir().resolve(PACKAGE));
    Files.deleteIfExists(project.dir().resolve(PACKAGE + ".sha256"));
    Files.deleteIfExists(project.dir().resolve(PACKAGE + ".sig"));
  }

  @Test
  void plan_fromTarball_printsRedefineOfTheChangedClassAndPassesRestartGate() throws Exception {
    Build build = project.mvn("molt:plan", "-Dmolt.upfrom=" + TARBALL, "-Dmolt.failOn=restart");

    assertThat(build.exitCode()).as("%s", build).isZero();
    assertThat(build.output()).contains("Release shelf 0.1.0 -> 0.2.0", "redefine Greeting",
        "body-only change in Greeting", "redefine shelf Greeting", "The plan passes molt.failOn=restart")
        .containsPattern("\\[INFO\\]   \\d+ apps? unchanged \\(-Dmolt.verbose lists them\\)")
        .doesNotContain("commons-lang3");
    assertThat(project.dir().resolve("rel/appups")).doesNotExist();
  }

  @Test
  void plan_verbose_listsTheUnchangedLibrary() throws Exception {
    Build build = project.mvn("molt:plan", "-Dmolt.upfrom=" + TARBALL, "-Dmolt.verbose");

    assertThat(build.exitCode()).as("%s", build).isZero();
    assertThat(build.output()).containsPattern("\\[INFO\\]   \\d+ apps? unchanged:")
        .containsPattern("\\[INFO\\]     commons-lang3 3\\.17\\.0");
  }

  @Test
  void plan_withoutUpfrom_failsNamingTheParameterAndTheFix() throws Exception {
    Build build = project.mvn("molt:plan");

    assertThat(build.exitCode()).as("%s", build).isNotZero();
    assertThat(build.errors()).contains("molt.upfrom is not set", "-Dmolt.upfrom=<tarball|directory|");
    assertThat(build.output()).doesNotContain("\tat dev.molt");
  }

  @Test
  void appup_writesGeneratedAppup_keepsItOnSecondRun_overwritesWithForce() throws Exception {
    Build first = project.mvn("molt:appup", "-Dmolt.upfrom=" + DIRECTORY);

    assertThat(first.exitCode()).as("%s", first).isZero();
    Path appup = project.dir().resolve(APPUP);
    String generated = Files.readString(appup);
    assertThat(generated).contains("\"op\" : \"redefine\"", "shelf.Greeting");
    assertThat(first.output()).contains("wrote " + APPUP);

    Files.writeString(appup, generated.replace("\"redefine\"", "\"redefine\" "));
    String edited = Files.readString(appup);
    Build second = project.mvn("molt:appup", "-Dmolt.upfrom=" + DIRECTORY);

    assertThat(second.exitCode()).as("%s", second).isZero();
    assertThat(second.output()).contains("kept  " + APPUP, "-Dmolt.force=true");
    assertThat(appup).content().isEqualTo(edited);

    Build forced = project.mvn("molt:appup", "-Dmolt.upfrom=" + DIRECTORY, "-Dmolt.force=true");

    assertThat(forced.exitCode()).as("%s", forced).isZero();
    assertThat(appup).content().isEqualTo(generated);
  }

  @Test
  void upgradePackage_fromDirectory_isReproducible_andSameFromInstalledArtifact() throws Exception {
    Build first = project.mvn("molt:upgrade-package", "-Dmolt.upfrom=" + DIRECTORY);

    assertThat(first.exitCode()).as("%s", first).isZero();
    Path pack = project.dir().resolve(PACKAGE);
    List<String> entries = entries(pack);
    assertThat(entries).contains("shelf/releases/0.2.0/relup.json",
        "shelf/releases/0.2.0/release.json", "shelf/releases/0.2.0/checksums.sha256");
    assertThat(entries).anyMatch(e -> e.startsWith("shelf/lib/shelf-0.2.0/"));
    assertThat(entries).noneMatch(e -> e.startsWith("shelf/lib/commons-lang3-"))
        .noneMatch(e -> e.startsWith("shelf/lib/molt-kernel-"));
    assertThat(project.dir().resolve(PACKAGE + ".sha256")).isRegularFile();
    byte[] bytes = Files.readAllBytes(pack);

    Build again = project.mvn("molt:upgrade-package", "-Dmolt.upfrom=" + DIRECTORY);

    assertThat(again.exitCode()).as("%s", again).isZero();
    assertThat(Files.readAllBytes(pack)).as("same inputs, same bytes").isEqualTo(bytes);

    Build byCoordinates = project.mvn("molt:upgrade-package", "-Dmolt.upfrom=dev.molt.it:shelf:0.1.0");

    assertThat(byCoordinates.exitCode()).as("%s", byCoordinates).isZero();
    assertThat(byCoordinates.output()).contains("shelf-0.1.0-release.tar.gz");
    assertThat(entries(pack)).isEqualTo(entries);
  }

  @Test
  void upgradePackage_signingKey_writesSigTheReleasesTrustedKeysAccept_fromPropertyOrEnvironment() throws Exception {
    Path trusted = project.dir().resolve("target/rel/shelf/releases/0.2.0/trusted-keys");
    assertThat(trusted.resolve("ci.pub")).hasSameTextualContentAs(project.dir().resolve(KEY + ".pub"));
    Build unsigned = project.mvn("molt:upgrade-package", "-Dmolt.upfrom=" + DIRECTORY);

    assertThat(unsigned.exitCode()).as("%s", unsigned).isZero();
    assertThat(unsigned.output()).contains("[WARNING] The upgrade package is not signed", "-Dmolt.signingKey");
    Path pack = project.dir().resolve(PACKAGE);
    Path sig = project.dir().resolve(PACKAGE + ".sig");
    assertThat(sig).doesNotExist();

    Build signed = project.mvn("molt:upgrade-package", "-Dmolt.upfrom=" + DIRECTORY, "-Dmolt.signingKey=" + KEY);

    assertThat(signed.exitCode()).as("%s", signed).isZero();
    assertThat(signed.output()).contains("Signature " + sig).doesNotContain("is not signed");
    assertThat(Signatures.verifyPackage(pack, sig, trusted)).isEqualTo(signingKey.publicKey());
    Files.delete(sig);

    Build fromEnv = project.mvn(Map.of(Signatures.SIGNING_KEY_ENV, project.dir().resolve(KEY).toString()),
        "molt:upgrade-package", "-Dmolt.upfrom=" + DIRECTORY);

    assertThat(fromEnv.exitCode()).as("%s", fromEnv).isZero();
    assertThat(Signatures.verifyPackage(pack, sig, trusted)).isEqualTo(signingKey.publicKey());
  }

  @Test
  void upgradePackage_unusableSigningKey_failsNamingTheKeyAndWritesNothing() throws Exception {
    Files.writeString(project.dir().resolve("keys/not-a-key"), "ssh-ed25519 AAAA this is a public key\n");

    Build build = project.mvn("molt:upgrade-package", "-Dmolt.upfrom=" + DIRECTORY, "-Dmolt.signingKey=keys/not-a-key");

    assertThat(build.exitCode()).as("%s", build).isNotZero();
    assertThat(build.errors()).contains("cannot sign the upgrade package", "keys/not-a-key",
        "is not a usable OpenSSH private key");
    assertThat(project.dir().resolve(PACKAGE)).doesNotExist();
  }

  @Test
  void failOnRestart_withOverrideThatRestarts_failsAndWritesNothing() throws Exception {
    Path appup = project.dir().resolve(APPUP);
    Files.createDirectories(appup.getParent());
    Files.writeString(appup, """
        { "schema" : 1, "app" : "shelf", "from" : "0.1.0", "to" : "0.2.0",
          "up" : [ { "op" : "restart_application" } ], "down" : [ { "op" : "restart_application" } ] }
        """);

    Build plan = project.mvn("molt:plan", "-Dmolt.upfrom=" + TARBALL, "-Dmolt.failOn=restart");

    // shelf is started by main: nothing stops it inside the JVM, so the restart is a JVM restart
    assertThat(plan.exitCode()).as("%s", plan).isNotZero();
    assertThat(plan.errors()).contains("0.1.0 -> 0.2.0: restart_jvm", "fails molt.failOn=restart");

    Build pack = project.mvn("molt:upgrade-package", "-Dmolt.upfrom=" + TARBALL, "-Dmolt.failOn=restart");

    assertThat(pack.exitCode()).as("%s", pack).isNotZero();
    assertThat(pack.errors()).contains("nothing was written");
    assertThat(project.dir().resolve(PACKAGE)).doesNotExist();
  }

  @Test
  void upgradePackage_corruptBackwardsOrRenamedRelease_failsWithCompilersMessageAndNoOutput() throws Exception {
    Path corrupt = project.dir().resolve("prev/corrupt-0.1.0.tar.gz");
    Files.write(corrupt, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});

    Build bad = project.mvn("molt:upgrade-package", "-Dmolt.upfrom=prev/corrupt-0.1.0.tar.gz");

    assertThat(bad.exitCode()).as("%s", bad).isNotZero();
    assertThat(bad.errors()).contains("corrupt-0.1.0.tar.gz", "not a readable .tar.gz");
    Build backwards = project.mvn("molt:upgrade-package", "-Dmolt.upfrom=target/rel/shelf",
        "-Dmolt.to=" + DIRECTORY);

    assertThat(backwards.exitCode()).as("%s", backwards).isNotZero();
    assertThat(backwards.errors()).contains("is not newer than", "--from is -Dmolt.upfrom");
    Path other = project.dir().resolve("prev/other");
    copyTree(project.dir().resolve(DIRECTORY), other);
    replace(other.resolve("releases/0.1.0/release.json"), "\"name\" : \"shelf\",\n  \"version\"",
        "\"name\" : \"other\",\n  \"version\"");
    Build renamed = project.mvn("molt:upgrade-package", "-Dmolt.upfrom=prev/other");

    assertThat(renamed.exitCode()).as("%s", renamed).isNotZero();
    assertThat(renamed.errors()).contains("cannot plan an upgrade between different releases",
        "is release other 0.1.0");
    try (Stream<Path> target = Files.list(project.dir().resolve("target"))) {
      assertThat(target).noneMatch(p -> p.getFileName().toString().contains("-upgrade"));
    }
  }

  private static List<String> entries(Path tarball) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(tarball);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}

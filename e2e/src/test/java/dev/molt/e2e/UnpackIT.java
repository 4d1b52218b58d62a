package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.FileTree;
import dev.molt.e2e.support.Packages;
import dev.molt.e2e.support.Releases;
import dev.molt.e2e.support.SharedBookRelease;
import dev.molt.e2e.support.UpgradeReleases;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseState;
import dev.molt.format.ReleasesFile;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/book_app unpack}, {@code remove} and {@code install} on a running node: an upgrade
 * package unpacked then upgraded to and back; a release tarball copied into releases/0.2.0/ and
 * unpacked by {@code upgrade}; remove, unpack again, install; lib/ files restored from the
 * archived tarball; one command at a time.
 */
class UnpackIT {
  /** The 404 body of 0.2.0's BookHandler; 0.1.0's says only "no route /nope". */
  private static final String NEW_404 = "try /books, /stats or /health";
  /** What a failed command may leave: the node's log and scratch. */
  private static final List<String> SCRATCH = List.of("tmp", "var");
  /** The same, and RELEASES.json, rewritten (same text, new time) by unpack then remove. */
  private static final List<String> SCRATCH_AND_RELEASES_JSON =
      List.of("tmp", "var", "releases/RELEASES.json");
  private static Path v1;
  private static Path v2;
  private static Path pkg;
  private static Path tarball;

  @TempDir static Path classDir;
  @TempDir Path dir;
  private Node node;
  private int port;

  @BeforeAll
  static void build() throws Exception {
    v1 = SharedBookRelease.get().releaseDir();
    v2 = UpgradeReleases.v020();
    pkg = Packages.upgradePackage(List.of(v1), v2, classDir.resolve("pkg"), Optional.empty());
    tarball = Packages.releaseTarball(v2, "book_app", "0.2.0",
        classDir.resolve("book_app-0.2.0.tar.gz"));
  }

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private void start() {
    node = new Node(Releases.copy(v1, dir.resolve("book_app")), "book_app");
    port = Ports.free();
    node.startAndAwait(port);
  }

  private CommandResult run(String... args) {
    return node.run(Node.env(Map.of()), args);
  }

  private ReleasesFile releases() throws Exception {
    return Formats.readReleases(node.root().resolve("releases/RELEASES.json"));
  }

  @Test
  void unpackPackageByRelativePath_thenUpgrade_thenDowngrade() throws Exception {
    start();
    CommandResult unpack = node.runFrom(pkg.getParent(), node.script(), Node.env(Map.of()),
        "unpack", pkg.getFileName().toString());

    assertThat(unpack.exitCode()).as(unpack.toString()).isZero();
    assertThat(unpack.stdout()).contains("unpacked book_app 0.2.0 from an upgrade package",
        "verified: every file against releases/0.2.0/checksums.sha256",
        "kept as releases/0.2.0/book_app-0.2.0-upgrade.tar.gz")
        .containsPattern("\n  \\d+ lib/ director(y|ies) already there \\(bin/book_app unpack --verbose "
            + "lists them\\)\n").doesNotContain("lib/h2-");
    assertThat(releases().release("0.2.0").orElseThrow().state()).isEqualTo(ReleaseState.UNPACKED);
    assertThat(node.root().resolve("releases/0.2.0/release.json")).isRegularFile();
    assertThat(node.root().resolve("releases/0.2.0/book_app-0.2.0-upgrade.tar.gz"))
        .hasSameBinaryContentAs(pkg);
    assertThat(node.root().resolve("lib/book_app-0.2.0")).isDirectory();
    assertNoScratchLeft();
    assertThat(run("releases").stdout()).containsPattern("0\\.2\\.0 +unpacked");

    CommandResult up = run("upgrade", "0.2.0");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(Http.get(port, "/nope").body()).contains(NEW_404);
    CommandResult down = run("downgrade", "0.1.0");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(Http.get(port, "/nope").body()).doesNotContain(NEW_404);
    assertThat(run("releases").stdout()).containsPattern("0\\.1\\.0 +permanent +running")
        .containsPattern("0\\.2\\.0 +old");
  }

  @Test
  void upgrade_unpacksATarballCopiedIntoReleases_andKeepsIt() throws Exception {
    start();
    Files.createDirectories(node.root().resolve("releases/0.2.0"));
    Files.copy(tarball, node.root().resolve("releases/0.2.0/book_app-0.2.0.tar.gz"));

    CommandResult up = run("upgrade", "0.2.0");

    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.stdout()).contains(
        "unpacked book_app 0.2.0 from releases/0.2.0/book_app-0.2.0.tar.gz",
        "book_app 0.2.0 is running, permanent");
    assertThat(Http.get(port, "/nope").body()).contains(NEW_404);
    assertThat(node.root().resolve("releases/0.2.0/book_app-0.2.0.tar.gz"))
        .hasSameBinaryContentAs(tarball);
    assertThat(node.root().resolve("releases/0.2.0/release.json")).isRegularFile();
    assertNoScratchLeft();
    CommandResult down = run("downgrade", "0.1.0");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(Http.get(port, "/nope").body()).doesNotContain(NEW_404);
  }

  @Test
  void remove_thenUnpackAgain_thenInstallUpAndDown() throws Exception {
    start();
    Map<String, String> before = FileTree.snapshot(node.root(), SCRATCH_AND_RELEASES_JSON);
    String releasesBefore = Files.readString(node.root().resolve("releases/RELEASES.json"));
    assertThat(run("unpack", pkg.toString()).exitCode()).isZero();

    CommandResult remove = run("remove", "0.2.0");

    assertThat(remove.exitCode()).as(remove.toString()).isZero();
    assertThat(remove.stdout()).contains("removed book_app 0.2.0: releases/0.2.0/,"
        + " lib/book_app-0.2.0");
    // exactly the files the node had before the unpack
    assertThat(FileTree.snapshot(node.root(), SCRATCH_AND_RELEASES_JSON)).isEqualTo(before);
    assertThat(node.root().resolve("releases/RELEASES.json")).hasContent(releasesBefore);
    assertThat(node.root().resolve("lib/h2-2.5.252")).isDirectory(); // 0.1.0 uses it

    CommandResult again = run("unpack", "--verbose", pkg.toString());
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.stdout()).containsPattern("\n  \\d+ lib/ director(y|ies) already there:\n(    lib/.+\n)*"
        + "    lib/h2-2\\.5\\.252\n");
    CommandResult up = run("install", "0.2.0");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.stdout()).contains("install book_app 0.1.0 -> 0.2.0",
        "book_app 0.2.0 is running, permanent");
    assertThat(Http.get(port, "/nope").body()).contains(NEW_404);
    CommandResult down = run("install", "0.1.0");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(down.stdout()).contains("book_app 0.1.0 is running, permanent");
    assertThat(Http.get(port, "/nope").body()).doesNotContain(NEW_404);
  }

  @Test
  void upgrade_restoresAMissingJarFromTheArchivedTarball() throws Exception {
    start();
    assertThat(run("unpack", tarball.toString()).exitCode()).isZero();
    Path jar = node.root().resolve("lib/book_app-0.2.0/book_app-0.2.0.jar");
    byte[] original = Files.readAllBytes(jar);
    Files.delete(jar);

    CommandResult up = run("upgrade", "0.2.0");

    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.stdout()).contains("restored lib/book_app-0.2.0/ of book_app 0.2.0 from"
        + " releases/0.2.0/book_app-0.2.0.tar.gz");
    assertThat(jar).hasBinaryContent(original);
    assertThat(Http.get(port, "/nope").body()).contains(NEW_404);
  }

  @Test
  void downgrade_restoresTheOldReleasesDeletedJarFromItsArchivedTarball() throws Exception {
    start();
    assertThat(run("unpack", pkg.toString()).exitCode()).isZero();
    assertThat(run("upgrade", "0.2.0").exitCode()).isZero();
    // the archive molt:release keeps in the release itself
    assertThat(node.root().resolve("releases/0.1.0/book_app-0.1.0.tar.gz")).isRegularFile();
    Path jar = node.root().resolve("lib/book_app-0.1.0/book_app-0.1.0.jar");
    byte[] original = Files.readAllBytes(jar);
    Files.delete(jar);

    CommandResult down = run("downgrade", "0.1.0");

    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(down.stdout()).contains("restored lib/book_app-0.1.0/ of book_app 0.1.0 from"
        + " releases/0.1.0/book_app-0.1.0.tar.gz", "book_app 0.1.0 is running, permanent");
    assertThat(jar).hasBinaryContent(original);
    assertThat(Http.get(port, "/nope").body()).doesNotContain(NEW_404);
  }

  @Test
  void upgrade_withAChangedJarAndNoArchive_isRefusedNamingTheFile() throws Exception {
    start();
    assertThat(run("unpack", pkg.toString()).exitCode()).isZero();
    Files.delete(node.root().resolve("releases/0.2.0/book_app-0.2.0-upgrade.tar.gz"));
    Path jar = node.root().resolve("lib/book_app-0.2.0/book_app-0.2.0.jar");
    Packages.flipByte(jar, 100);
    Map<String, String> before = FileTree.snapshot(node.root(), SCRATCH);
    byte[] releasesBefore = Files.readAllBytes(node.root().resolve("releases/RELEASES.json"));

    CommandResult up = run("upgrade", "0.2.0");

    assertThat(up.exitCode()).as(up.toString()).isEqualTo(10);
    assertThat(up.stderr()).contains("lib/book_app-0.2.0/book_app-0.2.0.jar (changed",
        "no archive book_app-0.2.0.tar.gz in releases/0.2.0/", "copy the release tarball there");
    assertThat(FileTree.snapshot(node.root(), SCRATCH)).isEqualTo(before);
    assertThat(node.root().resolve("releases/RELEASES.json")).hasBinaryContent(releasesBefore);
    assertThat(Http.get(port, "/nope").body()).doesNotContain(NEW_404);
  }

  @Test
  void unpackOrRemoveWhileAnUpgradeRuns_isRefusedWithExitCode13() throws Exception {
    start();
    assertThat(run("unpack", pkg.toString()).exitCode()).isZero();
    Path started = node.root().resolve("tmp/pre_upgrade.started");
    Path hook = node.root().resolve("releases/0.2.0/hooks/pre_upgrade/10-slow.sh");
    Files.createDirectories(hook.getParent());
    Files.writeString(hook, "#!/bin/sh\ntouch \"" + started + "\"\nsleep 3\n");
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
    CompletableFuture<CommandResult> first =
        CompletableFuture.supplyAsync(() -> run("upgrade", "0.2.0"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(started) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(started).exists();

    CommandResult remove = run("remove", "0.2.0");
    CommandResult unpack = run("unpack", tarball.toString());

    assertThat(remove.exitCode()).as(remove.toString()).isEqualTo(13);
    assertThat(remove.stderr()).contains("another upgrade or downgrade is running on book_app,"
        + " or an unpack or remove; nothing was changed", "then run remove 0.2.0 again");
    assertThat(unpack.exitCode()).as(unpack.toString()).isEqualTo(13);
    CommandResult up = first.get(120, TimeUnit.SECONDS);
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(node.root().resolve("releases/0.2.0/release.json")).isRegularFile();
  }

  private void assertNoScratchLeft() throws Exception {
    try (Stream<Path> s = Files.list(node.root().resolve("releases"))) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".unpack-") || n.startsWith(".remove-"));
    }
  }
}

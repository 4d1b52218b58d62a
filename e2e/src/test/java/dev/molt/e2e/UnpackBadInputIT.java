package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.FileTree;
import dev.molt.e2e.support.Packages;
import dev.molt.e2e.support.Packages.Entry;
import dev.molt.e2e.support.Releases;
import dev.molt.e2e.support.SharedBookRelease;
import dev.molt.e2e.support.UpgradeReleases;
import dev.molt.signature.Signatures;
import dev.molt.signature.SshKeyPair;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code unpack}, {@code upgrade} and {@code remove}, on one running book_app 0.1.0
 * node whose release trusts one signing key: each is refused with exit code 10 (2 for usage), a
 * message naming the problem and the remedy, and the node's files and RELEASES.json exactly as
 * they were. Every damaged file is signed with the trusted key, so the refusal is the one the
 * test is about.
 */
class UnpackBadInputIT {
  /** What a refused command may leave: the node's log and scratch. */
  private static final List<String> SCRATCH = List.of("tmp", "var");

  @TempDir static Path dir;
  private static Node node;
  private static SshKeyPair trusted;
  private static Path pkg;

  @BeforeAll
  static void setUp() throws Exception {
    Path v1 = SharedBookRelease.get().releaseDir();
    Path v2 = UpgradeReleases.v020();
    node = new Node(Releases.copy(v1, dir.resolve("book_app")), "book_app");
    trusted = Signatures.generate("ci@example.com");
    Path keys = node.root().resolve("releases/0.1.0/trusted-keys");
    Files.createDirectories(keys);
    Files.writeString(keys.resolve("ci.pub"), trusted.publicKey().line() + "\n");
    Path key = dir.resolve("ci-signing");
    Signatures.writeKeyPair(key, trusted);
    pkg = Packages.upgradePackage(List.of(v1), v2, dir.resolve("pkg"), Optional.of(key));
    node.startAndAwait(Ports.free());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  /** Runs the command and checks it was refused with {@code exitCode}, changing nothing. */
  private static CommandResult refused(int exitCode, Map<String, String> env, String... args)
      throws IOException {
    Map<String, String> before = FileTree.snapshot(node.root(), SCRATCH);
    byte[] releases = Files.readAllBytes(node.root().resolve("releases/RELEASES.json"));
    CommandResult r = node.run(Node.env(env), args);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(exitCode);
    assertThat(FileTree.snapshot(node.root(), SCRATCH)).isEqualTo(before);
    assertThat(node.root().resolve("releases/RELEASES.json")).hasBinaryContent(releases);
    assertThat(node.run(Node.env(Map.of()), "ping").exitCode()).isZero();
    return r;
  }

  private static CommandResult unpackRefused(Path file) throws IOException {
    return refused(10, Map.of(), "unpack", file.toString());
  }

  private static Path signed(Path file) {
    try {
      Signatures.sign(file, trusted, Signatures.UPGRADE_PACKAGE_NAMESPACE);
      return file;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path copyOfPackage(String name) throws IOException {
    Path copy = Files.createDirectories(dir.resolve(name)).resolve(pkg.getFileName());
    Files.copy(pkg, copy);
    return copy;
  }

  @Test
  void packageSignedByAnUntrustedKey_isRefused() throws Exception {
    Path copy = copyOfPackage("untrusted");
    Signatures.sign(copy, Signatures.generate("someone"), Signatures.UPGRADE_PACKAGE_NAMESPACE);

    CommandResult r = unpackRefused(copy);

    assertThat(r.stderr()).contains("unpack refused; nothing was changed",
        "is not signed by one of them", "which is not trusted here",
        "sign " + copy + " with a trusted key");
  }

  @Test
  void packageChangedAfterSigning_isRefusedBySignature() throws Exception {
    Path copy = copyOfPackage("changed");
    Files.copy(Signatures.signatureOf(pkg), Signatures.signatureOf(copy));
    Packages.flipByte(copy, 2000);

    CommandResult r = unpackRefused(copy);

    assertThat(r.stderr()).contains("does not match " + copy,
        "take both again from the build that made them");
  }

  @Test
  void packageWithoutSignature_isRefused() throws Exception {
    Path copy = copyOfPackage("unsigned");

    CommandResult r = unpackRefused(copy);

    assertThat(r.stderr()).contains("has no signature", "put the .sig file beside it");
  }

  @Test
  void checksumMismatch_aByteChangedInsideAFile_isRefused() throws Exception {
    Path out = Files.createDirectories(dir.resolve("checksum")).resolve(pkg.getFileName());
    Packages.retar(pkg, out, tree -> Packages.flipByte(
        tree.resolve("book_app/releases/0.2.0/config.json"), 1));

    CommandResult r = unpackRefused(signed(out));

    assertThat(r.stderr()).contains("is damaged or was changed after it was built",
        "releases/0.2.0/config.json does not match releases/0.2.0/checksums.sha256",
        "copy it again from the build");
  }

  @Test
  void truncatedPackage_isRefused() throws Exception {
    Path out = Files.createDirectories(dir.resolve("truncated")).resolve(pkg.getFileName());
    byte[] bytes = Files.readAllBytes(pkg);
    Files.write(out, Arrays.copyOf(bytes, bytes.length / 2));

    CommandResult r = unpackRefused(signed(out));

    assertThat(r.stderr()).contains("not a readable .tar.gz",
        "the file is truncated or not gzip: download or build it again");
  }

  @Test
  void entryClimbingOutWithDotDot_isRefused() throws Exception {
    Path out = hostile("dotdot", List.of(Entry.file("book_app/../../escaped", "x")));

    CommandResult r = unpackRefused(out);

    assertThat(r.stderr()).contains("climbs out with a .. segment", "the archive is refused");
    assertThat(dir.resolve("escaped")).doesNotExist();
  }

  @Test
  void absoluteEntry_isRefused() throws Exception {
    Path target = dir.resolve("absolute-escaped");
    Path out = hostile("absolute", List.of(Entry.file(target.toString(), "x")));

    CommandResult r = unpackRefused(out);

    assertThat(r.stderr()).contains("is an absolute path");
    assertThat(target).doesNotExist();
  }

  @Test
  void symlinkThenAFileThroughIt_isRefused() throws Exception {
    Path out = hostile("symlink", List.of(Entry.symlink("book_app/lib/x", "."),
        Entry.file("book_app/lib/x/y", "through the link")));

    CommandResult r = unpackRefused(out);

    assertThat(r.stderr()).contains("lies under the link book_app/lib/x");
  }

  private static Path hostile(String name, List<Entry> entries) throws IOException {
    Path out = Files.createDirectories(dir.resolve(name)).resolve("book_app-0.2.0-upgrade.tar.gz");
    return signed(Packages.tarOf(out, entries));
  }

  @Test
  void packageForAnotherRelease_isRefusedNamingBoth() throws Exception {
    Path out = Files.createDirectories(dir.resolve("other")).resolve("other_app-0.2.0.tar.gz");
    Packages.retar(pkg, out, tree -> {
      try {
        Files.move(tree.resolve("book_app"), tree.resolve("other_app"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });

    CommandResult r = unpackRefused(signed(out));

    assertThat(r.stderr()).contains("is for the release other_app, and this node runs book_app",
        "unpack it on a node of other_app");
  }

  @Test
  void packageThatDoesNotUpgradeFromTheRunningRelease_isRefused() throws Exception {
    Path v2 = UpgradeReleases.v020();
    Path v3 = UpgradeReleases.v030();
    Path out = Packages.upgradePackage(List.of(v2), v3, dir.resolve("from-0.2.0"),
        Optional.of(dir.resolve("ci-signing")));

    CommandResult r = unpackRefused(out);

    assertThat(r.stderr()).contains("upgrades book_app from 0.2.0 to 0.3.0, not from 0.1.0",
        "build the package with 0.1.0 among the earlier releases");
  }

  @Test
  void sizeLimitHitWhileUnpacking_isRefusedNamingTheSetting() throws Exception {
    CommandResult r = refused(10, Map.of("MOLT_UNPACK_MAX_BYTES", "1000"), "unpack",
        pkg.toString());

    assertThat(r.stderr()).contains("past the limit", "MOLT_UNPACK_MAX_BYTES=1000",
        "raise or unset it");
  }

  @Test
  void upgradeToAnUnknownVersion_isRefusedNamingUnpack() throws Exception {
    CommandResult r = refused(10, Map.of(), "upgrade", "9.9.9");

    assertThat(r.stderr()).contains("book_app 9.9.9 is not installed",
        "unpack it first (bin/book_app unpack", "copy its tarball to releases/9.9.9/");
  }

  @Test
  void removeOfTheRunningRelease_isRefused() throws Exception {
    CommandResult r = refused(10, Map.of(), "remove", "0.1.0");

    assertThat(r.stderr()).contains("remove refused; nothing was changed",
        "0.1.0 is the release the node runs", "move the node to another release first");
  }

  @Test
  void downgradeWithoutADownPlanOrAnArchive_isRefusedNamingTheRelup() throws Exception {
    // an older release installed by hand: its release.json, no archive, no down plan to it
    Path older = node.root().resolve("releases/0.0.9");
    Files.createDirectories(older);
    String json = Files.readString(node.root().resolve("releases/0.1.0/release.json"));
    Files.writeString(older.resolve("release.json"),
        json.replaceFirst("\"version\" : \"0.1.0\"", "\"version\" : \"0.0.9\""));
    try {
      CommandResult r = refused(10, Map.of(), "downgrade", "0.0.9");

      assertThat(r.stderr()).contains("0.0.9").containsIgnoringCase("relup");
    } finally {
      Files.deleteIfExists(older.resolve("release.json"));
      Files.deleteIfExists(older);
    }
  }

  @Test
  void unpackWithAnUnknownOptionOrNoFile_isAUsageError() throws Exception {
    assertThat(refused(2, Map.of(), "unpack", pkg.toString(), "--quiet").stderr())
        .contains("usage: bin/book_app unpack [--verbose] <upgrade package or release tarball>");
    assertThat(refused(2, Map.of(), "unpack", "--verbose").stderr())
        .contains("usage: bin/book_app unpack [--verbose]");
  }

  @Test
  void missingFile_isRefused() throws Exception {
    CommandResult r = unpackRefused(dir.resolve("nope.tar.gz"));

    assertThat(r.stderr()).contains("is not a file; give the path of an upgrade package");
  }
}

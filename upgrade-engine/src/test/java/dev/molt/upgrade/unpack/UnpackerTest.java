package dev.molt.upgrade.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.format.Formats;
import dev.molt.format.ReleaseState;
import dev.molt.upgrade.UpgradeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackerTest {
  @TempDir Path root;
  @TempDir Path out;
  private Unpacker unpacker;

  @BeforeEach
  void node() throws Exception {
    FakeRelease.installed(root, "0.1.0");
    unpacker = new Unpacker(root, "demo", "0.1.0");
  }

  /** 0.2.0's files an upgrade package from 0.1.0 holds: its releases/ dir and its new app dir. */
  private static Map<String, String> packageFiles() throws Exception {
    Map<String, String> files = new TreeMap<>(FakeRelease.files("0.2.0", true));
    files.keySet().removeIf(f -> f.startsWith("lib/lib-") || f.startsWith("lib/molt-kernel-"));
    return files;
  }

  @Test
  void package_movesTheReleaseAndItsNewLibDirIntoPlace_registersIt_keepsThePackage()
      throws Exception {
    Path pkg = FakeRelease.pkg(out.resolve("demo-0.2.0-upgrade.tar.gz"), "0.2.0", packageFiles());

    Unpacked done = unpacker.unpack(pkg, false, OptionalLong.empty());

    assertThat(done.version()).isEqualTo("0.2.0");
    assertThat(done.newLibs()).containsExactly("lib/app-0.2.0");
    assertThat(done.keptLibs()).containsExactlyInAnyOrder("lib/lib-1.0", "lib/molt-kernel-1.0");
    assertThat(root.resolve("lib/app-0.2.0/app.jar")).hasContent("jar of lib/app-0.2.0");
    assertThat(root.resolve("releases/0.2.0/release.json")).isRegularFile();
    assertThat(root.resolve("releases/0.2.0/demo-0.2.0-upgrade.tar.gz")).hasSameBinaryContentAs(pkg);
    assertThat(Formats.readReleases(root.resolve("releases/RELEASES.json")).release("0.2.0")
        .orElseThrow().state()).isEqualTo(ReleaseState.UNPACKED);
    assertThat(Files.list(root.resolve("releases")).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("0.1.0", "0.2.0", "RELEASES.json");
  }

  @Test
  void wholeTarball_checksItsJarsAgainstReleaseJson_andKeepsItAsTheReleaseTarball()
      throws Exception {
    Map<String, String> entries = new TreeMap<>();
    FakeRelease.files("0.2.0", false).forEach((k, v) -> entries.put("demo/" + k, v));
    entries.put("demo/bin/demo", "#!/bin/sh\n");
    Path tarball = FakeRelease.tar(out.resolve("demo-0.2.0.tar.gz"), entries);

    Unpacked done = unpacker.unpack(tarball, false, OptionalLong.empty());

    assertThat(done.fromPackage()).isFalse();
    assertThat(done.archive()).isEqualTo("releases/0.2.0/demo-0.2.0.tar.gz");
    assertThat(root.resolve("bin")).doesNotExist(); // the node's bin/ and runtime/ stay its own
  }

  @Test
  void tarballWithAChangedJar_isRefused_nothingChanges() throws Exception {
    Map<String, String> entries = new TreeMap<>();
    FakeRelease.files("0.2.0", false).forEach((k, v) -> entries.put("demo/" + k, v));
    entries.put("demo/lib/app-0.2.0/app.jar", "tampered");
    Path tarball = FakeRelease.tar(out.resolve("demo-0.2.0.tar.gz"), entries);

    assertRefused(tarball, "lib/app-0.2.0/app.jar (changed");
  }

  @Test
  void packageWithAChangedFile_isRefused_nothingChanges() throws Exception {
    Map<String, String> files = packageFiles();
    Path pkg = FakeRelease.pkg(out.resolve("p.tar.gz"), "0.2.0", files);
    Map<String, String> entries = new TreeMap<>();
    // the same checksum list, another config.json
    Path tmp = out.resolve("x");
    files.forEach((k, v) -> entries.put("demo/" + k, k.endsWith("config.json") ? "{ }\n" : v));
    StringBuilder sums = new StringBuilder();
    files.forEach((k, v) -> sums.append(FakeRelease.sha256(v)).append("  ").append(k).append('\n'));
    entries.put("demo/releases/0.2.0/checksums.sha256", sums.toString());
    Path bad = FakeRelease.tar(tmp.resolve("demo-0.2.0-upgrade.tar.gz"), entries);

    assertRefused(bad, "releases/0.2.0/config.json does not match releases/0.2.0/checksums.sha256");
    assertThat(pkg).exists();
  }

  @Test
  void packageWithAnUnlistedFile_isRefused() throws Exception {
    Map<String, String> files = packageFiles();
    Path pkg = FakeRelease.pkg(out.resolve("p.tar.gz"), "0.2.0", files);
    Map<String, String> entries = new TreeMap<>();
    files.forEach((k, v) -> entries.put("demo/" + k, v));
    StringBuilder sums = new StringBuilder();
    files.forEach((k, v) -> sums.append(FakeRelease.sha256(v)).append("  ").append(k).append('\n'));
    entries.put("demo/releases/0.2.0/checksums.sha256", sums.toString());
    entries.put("demo/lib/app-0.2.0/extra.jar", "smuggled");
    Path bad = FakeRelease.tar(out.resolve("y/demo-0.2.0-upgrade.tar.gz"), entries);

    assertRefused(bad, "lib/app-0.2.0/extra.jar is not listed in releases/0.2.0/checksums.sha256");
    assertThat(pkg).exists();
  }

  @Test
  void packageOfAnotherRelease_isRefused() throws Exception {
    Map<String, String> entries = new TreeMap<>();
    packageFiles().forEach((k, v) -> entries.put("other/" + k, v));
    Path bad = FakeRelease.tar(out.resolve("other-0.2.0.tar.gz"), entries);

    assertRefused(bad, "is for the release other, and this node runs demo");
  }

  @Test
  void versionAlreadyInstalled_isRefusedNamingRemove() throws Exception {
    Path pkg = FakeRelease.pkg(out.resolve("demo-0.2.0-upgrade.tar.gz"), "0.2.0", packageFiles());
    unpacker.unpack(pkg, false, OptionalLong.empty());

    assertRefused(pkg, "demo 0.2.0 is already installed", "bin/demo remove 0.2.0");
  }

  @Test
  void packageNotUpgradingFromTheRunningRelease_isRefused() throws Exception {
    Unpacker on09 = new Unpacker(root, "demo", "0.0.9");
    Path pkg = FakeRelease.pkg(out.resolve("demo-0.2.0-upgrade.tar.gz"), "0.2.0", packageFiles());
    Map<String, String> before = FakeRelease.snapshot(root);

    assertThatThrownBy(() -> on09.unpack(pkg, false, OptionalLong.empty()))
        .isInstanceOf(UpgradeException.class)
        .hasMessageContaining("upgrades demo from 0.1.0 to 0.2.0, not from 0.0.9");
    assertThat(FakeRelease.snapshot(root)).isEqualTo(before);
  }

  @Test
  void libDirOnTheNodeWithOtherContents_isRefused_identicalOneIsKept() throws Exception {
    Map<String, String> files = packageFiles();
    files.put("lib/lib-1.0/lib.jar", "jar of lib/lib-1.0"); // identical: fine
    Path ok = FakeRelease.pkg(out.resolve("a/demo-0.2.0-upgrade.tar.gz"), "0.2.0", files);
    files.put("lib/lib-1.0/lib.jar", "another build");
    Path clash = FakeRelease.pkg(out.resolve("b/demo-0.2.0-upgrade.tar.gz"), "0.2.0", files);

    assertRefused(clash, "lib/lib-1.0, which the node has already with other contents");
    Unpacked done = unpacker.unpack(ok, false, OptionalLong.empty());
    assertThat(done.keptLibs()).contains("lib/lib-1.0");
  }

  /** A jar with one class entry, its entries stamped {@code time}. */
  private static byte[] libJar(long time, byte last) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      for (String name : new String[] {"l/", "l/L.class"}) {
        java.util.zip.ZipEntry e = new java.util.zip.ZipEntry(name);
        e.setTime(time);
        zip.putNextEntry(e);
        if (!name.endsWith("/")) {
          zip.write(new byte[] {(byte) 0xca, (byte) 0xfe, 1, last});
        }
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** 0.2.0 as a whole tarball whose lib/lib-1.0/lib.jar is {@code libJar}, recorded in its release.json. */
  private Path tarballWithLib(byte[] libJar) throws Exception {
    Map<String, byte[]> entries = new TreeMap<>();
    FakeRelease.files("0.2.0", false).forEach((k, v) -> entries.put("demo/" + k,
        v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    entries.put("demo/lib/lib-1.0/lib.jar", libJar);
    String json = new String(entries.get("demo/releases/0.2.0/release.json"),
        java.nio.charset.StandardCharsets.UTF_8);
    entries.put("demo/releases/0.2.0/release.json", json.replace(
        FakeRelease.sha256(FakeRelease.jarText("lib/lib-1.0")), sha256(libJar))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return FakeRelease.tarBytes(out.resolve("demo-0.2.0.tar.gz"), entries);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void wholeTarball_libDirRebuiltWithOtherEntryTimes_keepsTheNodesJarAndRecordsItsChecksum()
      throws Exception {
    byte[] onNode = libJar(1_700_000_000_000L, (byte) 7);
    Files.write(root.resolve("lib/lib-1.0/lib.jar"), onNode);
    byte[] rebuilt = libJar(1_800_000_000_000L, (byte) 7);
    assertThat(sha256(rebuilt)).isNotEqualTo(sha256(onNode));

    Unpacked done = unpacker.unpack(tarballWithLib(rebuilt), false, OptionalLong.empty());

    assertThat(done.keptLibs()).contains("lib/lib-1.0");
    assertThat(done.verified()).anySatisfy(v -> assertThat(v).contains("the jars of lib/lib-1.0 by"
        + " content against the node's"));
    assertThat(root.resolve("lib/lib-1.0/lib.jar")).hasBinaryContent(onNode);
    var lib = Formats.readRelease(root.resolve("releases/0.2.0/release.json")).app("lib").orElseThrow();
    assertThat(lib.jars()).singleElement().satisfies(j -> assertThat(j.sha256()).isEqualTo(sha256(onNode)));
    assertThat(Checksums.badJars(root, Formats.readRelease(root.resolve("releases/0.2.0/release.json")),
        false)).as("the kernel's check of 0.2.0's jars at boot").isEmpty();
  }

  @Test
  void wholeTarball_libDirWithOtherEntryBytes_isRefused() throws Exception {
    Files.write(root.resolve("lib/lib-1.0/lib.jar"), libJar(1_700_000_000_000L, (byte) 7));

    assertRefused(tarballWithLib(libJar(1_700_000_000_000L, (byte) 8)),
        "lib/lib-1.0, which the node has already with other contents");
  }

  @Test
  void sizeLimit_isRefusedNamingTheSetting() throws Exception {
    Path pkg = FakeRelease.pkg(out.resolve("demo-0.2.0-upgrade.tar.gz"), "0.2.0", packageFiles());

    assertRefused(pkg, OptionalLong.of(100), "past the limit", "MOLT_UNPACK_MAX_BYTES=100");
  }

  @Test
  void copiedTarballInPlace_replacesTheArchiveOnlyDirectory() throws Exception {
    Map<String, String> entries = new TreeMap<>();
    FakeRelease.files("0.2.0", true).forEach((k, v) -> entries.put("demo/" + k, v));
    Path inPlace = FakeRelease.tar(root.resolve("releases/0.2.0/demo-0.2.0.tar.gz"), entries);

    unpacker.unpack(inPlace, true, OptionalLong.empty());

    assertThat(root.resolve("releases/0.2.0/release.json")).isRegularFile();
    assertThat(root.resolve("releases/0.2.0/demo-0.2.0.tar.gz")).isRegularFile();
  }

  @Test
  void leftOverReleaseDirectory_isRefused() throws Exception {
    Files.createDirectories(root.resolve("releases/0.2.0"));
    Files.writeString(root.resolve("releases/0.2.0/notes.txt"), "x");
    Path pkg = FakeRelease.pkg(out.resolve("demo-0.2.0-upgrade.tar.gz"), "0.2.0", packageFiles());

    assertRefused(pkg, "exists, but RELEASES.json does not list 0.2.0");
  }

  private void assertRefused(Path file, String... message) throws Exception {
    assertRefused(file, OptionalLong.empty(), message);
  }

  private void assertRefused(Path file, OptionalLong max, String... message) throws Exception {
    Map<String, String> before = FakeRelease.snapshot(root);
    assertThatThrownBy(() -> unpacker.unpack(file, false, max))
        .isInstanceOfSatisfying(UpgradeException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(10);
          assertThat(e.getMessage()).startsWith("unpack refused; nothing was changed: ")
              .contains(message);
        });
    assertThat(FakeRelease.snapshot(root)).isEqualTo(before);
  }
}

package dev.molt.appup.pack;

import static dev.molt.appup.testkit.Samples.handler;
import static dev.molt.appup.testkit.Samples.main;
import static dev.molt.appup.testkit.ReleaseGen.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.appup.UpgradePackageResult;
import dev.molt.appup.testkit.ClassGen;
import dev.molt.appup.testkit.JarGen;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpgradePackageTest {
  @TempDir Path dir;
  Path v1;
  Path v2;
  Path v3;

  @BeforeEach
  void releases() throws Exception {
    JarGen lib = JarGen.jar().add(ClassGen.of("l.L"));
    v1 = release("shop", "1.0.0").lib("lib", "1.0.0", lib)
        .app("web", "1.0.0", JarGen.jar().add(main(1), handler(1)), "a.Main", "lib").write(dir.resolve("v1"));
    v2 = release("shop", "1.1.0").lib("lib", "1.0.0", lib)
        .app("web", "1.1.0", JarGen.jar().add(main(1), handler(2)), "a.Main", "lib").write(dir.resolve("v2"));
    v3 = release("shop", "1.2.0").lib("lib", "1.0.0", lib)
        .app("web", "1.2.0", JarGen.jar().add(main(1), handler(3)), "a.Main", "lib").write(dir.resolve("v3"));
    Files.writeString(v3.resolve("releases/1.2.0/shop-1.2.0.tar.gz"), "the release's own archive");
    Files.createDirectories(v3.resolve("releases/1.2.0/hooks/post_upgrade"));
    Files.writeString(v3.resolve("releases/1.2.0/hooks/post_upgrade/10-warm.sh"), "#!/bin/sh\n");
  }

  static Map<String, TarArchiveEntry> entries(Path tarball) throws Exception {
    Map<String, TarArchiveEntry> out = new LinkedHashMap<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        out.put(e.getName(), e);
      }
    }
    return out;
  }

  static String read(Path tarball, String name) throws Exception {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError(name + " not in " + tarball);
  }

  @Test
  void upgradePackage_holdsNewReleaseDirRelupAndOnlyMissingLibDirs() throws Exception {
    UpgradePackageResult r = AppupCompiler.upgradePackage(PlanRequest.of(List.of(v1, v2), v3), dir.resolve("out"));
    assertThat(r.tarball()).hasFileName("shop-1.2.0-upgrade.tar.gz");
    List<String> files = new ArrayList<>();
    entries(r.tarball()).forEach((n, e) -> {
      if (!e.isDirectory()) {
        files.add(n);
      }
    });
    assertThat(files).containsExactly(
        "shop/lib/web-1.2.0/web-1.2.0.jar",
        "shop/releases/1.2.0/checksums.sha256",
        "shop/releases/1.2.0/hooks/post_upgrade/10-warm.sh",
        "shop/releases/1.2.0/jvm.options",
        "shop/releases/1.2.0/release.json",
        "shop/releases/1.2.0/relup.json");
    assertThat(read(r.tarball(), "shop/releases/1.2.0/relup.json")).contains("\"from\" : \"1.0.0\"")
        .contains("\"from\" : \"1.1.0\"").contains("\"to\" : \"1.0.0\"");
    String sums = read(r.tarball(), "shop/releases/1.2.0/checksums.sha256");
    assertThat(sums).contains("  lib/web-1.2.0/web-1.2.0.jar\n").contains("  releases/1.2.0/relup.json\n");
    String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(r.tarball())));
    assertThat(Files.readString(r.checksum())).isEqualTo(sha + "  shop-1.2.0-upgrade.tar.gz\n");
  }

  @Test
  void upgradePackage_entriesHaveFixedOwnersAndTimes() throws Exception {
    UpgradePackageResult r = AppupCompiler.upgradePackage(PlanRequest.of(List.of(v1), v3), dir.resolve("out"));
    for (TarArchiveEntry e : entries(r.tarball()).values()) {
      assertThat(e.getModTime().getTime()).isZero();
      assertThat(e.getLongUserId()).isZero();
      assertThat(e.getLongGroupId()).isZero();
      assertThat(e.getUserName()).isEmpty();
    }
    byte[] head = Files.readAllBytes(r.tarball());
    assertThat(new byte[] {head[4], head[5], head[6], head[7]}).containsOnly(0); // gzip mtime
  }

  @Test
  void upgradePackage_twice_givesIdenticalBytes() throws Exception {
    UpgradePackageResult a = AppupCompiler.upgradePackage(PlanRequest.of(List.of(v1), v3), dir.resolve("a"));
    UpgradePackageResult b = AppupCompiler.upgradePackage(PlanRequest.of(List.of(v1), v3), dir.resolve("b"));
    assertThat(Files.readAllBytes(a.tarball())).isEqualTo(Files.readAllBytes(b.tarball()));
  }

  @Test
  void upgradePackage_fromTarballs_equalsFromDirectories() throws Exception {
    UpgradePackageResult fromDirs = AppupCompiler.upgradePackage(PlanRequest.of(List.of(v1), v3), dir.resolve("a"));
    Path tar1 = TestTarballs.of(v1, "shop", dir.resolve("shop-1.0.0.tar.gz"));
    Path tar3 = TestTarballs.of(v3, "shop", dir.resolve("shop-1.2.0.tar.gz"));
    UpgradePackageResult fromTars = AppupCompiler.upgradePackage(PlanRequest.of(List.of(tar1), tar3), dir.resolve("b"));
    assertThat(Files.readAllBytes(fromTars.tarball())).isEqualTo(Files.readAllBytes(fromDirs.tarball()));
    try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith("molt-appup-"))
          .filter(p -> p.toFile().lastModified() > System.currentTimeMillis() - 60_000)).isEmpty();
    }
  }
}

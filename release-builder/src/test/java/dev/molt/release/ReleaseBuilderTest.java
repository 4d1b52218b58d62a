package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.format.EntryPoint;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseBuilderTest {
  @TempDir Path dir;
  private final List<String> progress = new ArrayList<>();
  private final ReleaseBuilder builder = new ReleaseBuilder(progress::add);

  @Test
  void build_bare_writesTheLayout() throws Exception {
    ReleaseResult r = builder.build(TestReleases.request(dir, "bare"));
    Path root = dir.resolve("target/rel/shop");
    assertThat(r.releaseDir()).isEqualTo(root.toAbsolutePath());
    assertThat(root.resolve("lib/shop-1.0/shop-1.0.jar")).isRegularFile();
    assertThat(root.resolve("lib/json-2.1/json-2.1.jar")).isRegularFile();
    assertThat(root.resolve("lib/molt-kernel-0.1.0/molt-runtime-loader-0.1.0.jar")).isRegularFile();
    ReleaseDescriptor d = Formats.readRelease(root.resolve("releases/1.0/release.json"));
    assertThat(d.apps()).extracting(a -> a.name()).containsExactly("util", "json", "shop");
    assertThat(d.apps().get(2).entry()).contains(new EntryPoint(EntryPoint.Kind.MAIN, "shop.Main"));
    assertThat(d.apps().get(0).jars().get(0).sha256()).isEqualTo(Digests.sha256(dir.resolve("in/util-3.0.jar")));
    assertThat(d.runtime().embedded()).isFalse();
    assertThat(Files.readString(root.resolve("releases/1.0/release.env")))
        .contains("KERNEL_AGENT='lib/molt-kernel-0.1.0/molt-runtime-loader-0.1.0.jar'")
        .contains("KERNEL_CP='lib/molt-kernel-0.1.0/molt-runtime-loader-0.1.0.jar:lib/molt-kernel-0.1.0/molt-format-0.1.0.jar'");
    assertThat(Formats.readReleases(root.resolve("releases/RELEASES.json")).permanent().version()).isEqualTo("1.0");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("releases/COOKIE"))))
        .isEqualTo("r--------");
    assertThat(Files.readString(root.resolve("releases/COOKIE"))).matches("[0-9a-f]{64}");
    assertThat(Files.isExecutable(root.resolve("bin/shop"))).isTrue();
    assertThat(root.resolve("bin/shop.d/functions.sh")).isRegularFile();
    assertThat(root.resolve("releases/1.0/jvm.options")).content().contains("ExitOnOutOfMemoryError");
    assertThat(r.tarball()).contains(dir.resolve("target/shop-1.0.tar.gz"));
    assertThat(root.resolve("releases/1.0/shop-1.0.tar.gz")).hasSameBinaryContentAs(r.tarball().get());
    assertThat(Files.readString(r.checksum().get()))
        .isEqualTo(Digests.sha256(r.tarball().get()) + "  shop-1.0.tar.gz\n");
    assertThat(progress).anyMatch(l -> l.startsWith("Archiving"));
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void build_tarball_hasPrefixedSortedEntriesFixedOwnersAndNoCookie() throws Exception {
    ReleaseResult r = builder.build(TestReleases.request(dir, "bare"));
    List<TarArchiveEntry> entries = entries(r.tarball().get());
    List<String> names = entries.stream().map(TarArchiveEntry::getName).toList();
    assertThat(names).first().isEqualTo("shop/");
    assertThat(names).allMatch(n -> n.startsWith("shop/")).isSorted();
    assertThat(names).contains("shop/bin/shop", "shop/releases/1.0/release.json", "shop/releases/RELEASES.json")
        .doesNotContain("shop/releases/COOKIE", "shop/releases/1.0/shop-1.0.tar.gz");
    for (TarArchiveEntry e : entries) {
      assertThat(e.getLongUserId()).isZero();
      assertThat(e.getLongGroupId()).isZero();
      assertThat(e.getUserName()).isEmpty();
      assertThat(e.getModTime().getTime()).isEqualTo(ArchiveStep.DEFAULT_MTIME * 1000);
      int mode = e.getMode() & 07777;
      boolean exec = e.isDirectory() || e.getName().startsWith("shop/bin/");
      assertThat(mode).as(e.getName()).isEqualTo(exec ? 0755 : 0644);
    }
  }

  @Test
  void build_twiceFromSameInputs_tarballsAreByteIdentical() throws Exception {
    ReleaseRequest first = TestReleases.request(dir.resolve("a"), "bare");
    ReleaseResult a = builder.build(first);
    Thread.sleep(1100); // a different wall-clock second must not matter
    ReleaseResult b = builder.build(new ReleaseRequest(first.name(), first.version(), "bare",
        first.relDir(), dir.resolve("b/target"), first.apps(), first.kernel(), Optional.empty()));
    assertThat(Files.readString(a.releaseDir().resolve("releases/COOKIE")))
        .isNotEqualTo(Files.readString(b.releaseDir().resolve("releases/COOKIE")));
    assertThat(b.tarball().get()).hasSameBinaryContentAs(a.tarball().get());
    assertThat(b.checksum().get()).hasSameTextualContentAs(a.checksum().get());
  }

  @Test
  void build_dependencyCycle_namesTheCycleAndLeavesNothing() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    List<AppInput> apps = new ArrayList<>();
    for (AppInput a : r.apps()) {
      List<String> deps = a.name().equals("util") ? List.of("shop") : a.dependsOn();
      apps.add(new AppInput(a.name(), a.version(), a.coordinates(), a.jars(), deps, a.entry()));
    }
    assertThatThrownBy(() -> builder.build(TestReleases.withApps(r, apps)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cycle: json -> util -> shop -> json");
    assertThat(leftovers()).isEmpty();
    assertThat(dir.resolve("target/rel/shop")).doesNotExist();
  }

  @Test
  void build_missingJar_namesTheJarAndKeepsTheOlderRelease() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    builder.build(r);
    Path releaseJson = dir.resolve("target/rel/shop/releases/1.0/release.json");
    String before = Files.readString(releaseJson);
    Files.delete(dir.resolve("in/json-2.1.jar"));
    assertThatThrownBy(() -> builder.build(r))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("app json: jar " + dir.resolve("in/json-2.1.jar") + " does not exist");
    assertThat(Files.readString(releaseJson)).isEqualTo(before);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void build_jarNotAZip_namesTheJarAndTheRemedy_andKeepsTheOlderRelease() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    builder.build(r);
    Path releaseJson = dir.resolve("target/rel/shop/releases/1.0/release.json");
    String before = Files.readString(releaseJson);
    byte[] tarball = Files.readAllBytes(dir.resolve("target/shop-1.0.tar.gz"));
    Files.writeString(dir.resolve("in/util-3.0.jar"), "not a zip");

    assertThatThrownBy(() -> builder.build(r))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("app util: " + dir.resolve("in/util-3.0.jar") + " is not a readable jar")
        .hasMessageContaining("rebuild or re-download it");
    assertThat(Files.readString(releaseJson)).isEqualTo(before);
    assertThat(dir.resolve("target/shop-1.0.tar.gz")).hasBinaryContent(tarball);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void build_unknownDependency_listsTheApps() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    List<AppInput> apps = new ArrayList<>(r.apps());
    AppInput util = apps.remove(1);
    apps.add(new AppInput("util", "3.0", Optional.empty(), util.jars(), List.of("guava"), Optional.empty()));
    assertThatThrownBy(() -> builder.build(TestReleases.withApps(r, apps)))
        .hasMessageContaining("app util depends on 'guava', which is not an app of the release");
  }

  @Test
  void build_unknownEnvironment_listsTheKnownOnes() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "staging");
    assertThatThrownBy(() -> builder.build(r))
        .isInstanceOf(InvalidRelConfigException.class)
        .hasMessageContaining("environment 'staging' is not defined")
        .hasMessageContaining("[bare, dev, prod]");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void build_entryClassMissing_fails() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    List<AppInput> apps = new ArrayList<>(r.apps());
    AppInput shop = apps.remove(0);
    apps.add(new AppInput("shop", "1.0", Optional.empty(), shop.jars(), shop.dependsOn(),
        Optional.of(new EntryPoint(EntryPoint.Kind.MAIN, "shop.Missing"))));
    assertThatThrownBy(() -> builder.build(TestReleases.withApps(r, apps)))
        .hasMessageContaining("entry class shop.Missing is not in its jars");
  }

  @Test
  void build_moltApi_isDroppedWithItsEdges() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    Path api = TestJars.library(dir.resolve("in/molt-api-0.1.0.jar"), "dev.molt.api.Application");
    List<AppInput> apps = new ArrayList<>();
    for (AppInput a : r.apps()) {
      List<String> deps = new ArrayList<>(a.dependsOn());
      deps.add("molt-api");
      apps.add(new AppInput(a.name(), a.version(), a.coordinates(), a.jars(), deps, a.entry()));
    }
    apps.add(new AppInput("molt-api", "0.1.0", Optional.of("dev.molt:molt-api:0.1.0"), List.of(api),
        List.of(), Optional.empty()));
    ReleaseResult result = builder.build(TestReleases.withApps(r, apps));
    assertThat(result.descriptor().app("molt-api")).isEmpty();
    assertThat(result.descriptor().app("shop").get().dependsOn()).containsExactly("json", "util");
    assertThat(result.releaseDir().resolve("lib/molt-api-0.1.0")).doesNotExist();
  }

  @Test
  void build_devMode_symlinksAppJarsAndWritesNoTarball() throws Exception {
    ReleaseResult r = builder.build(TestReleases.request(dir, "dev"));
    Path jar = r.releaseDir().resolve("lib/shop-1.0/shop-1.0.jar");
    assertThat(Files.isSymbolicLink(jar)).isTrue();
    assertThat(jar.toRealPath()).isEqualTo(dir.resolve("in/shop-1.0.jar").toRealPath());
    assertThat(r.tarball()).isEmpty();
    assertThat(r.checksum()).isEmpty();
    assertThat(dir.resolve("target/shop-1.0.tar.gz")).doesNotExist();
  }

  @Test
  void build_again_replacesTheReleaseAndKeepsVar() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "dev");
    builder.build(r);
    Path data = dir.resolve("target/rel/shop/var/shop/books.db");
    Files.createDirectories(data.getParent());
    Files.writeString(data, "books");
    builder.build(r);
    assertThat(data).hasContent("books");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void build_hooksAndCommands_areCopiedExecutableAndDescribed() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    Files.createDirectories(r.relDir().resolve("hooks/pre_start"));
    Files.writeString(r.relDir().resolve("hooks/pre_start/10-check.sh"), "echo check\n");
    Files.writeString(r.relDir().resolve("commands/seed.sh"), "echo seed\n");
    Files.writeString(r.relDir().resolve("molt.json"), Files.readString(r.relDir().resolve("molt.json"))
        .replace("\"runtime\"", "\"commands\": {\"seed\": {\"description\": \"load books\"}}, \"runtime\""));
    ReleaseResult result = builder.build(r);
    Path vsn = result.releaseDir().resolve("releases/1.0");
    assertThat(Files.isExecutable(vsn.resolve("hooks/pre_start/10-check.sh"))).isTrue();
    assertThat(Files.isExecutable(vsn.resolve("commands/seed.sh"))).isTrue();
    assertThat(result.descriptor().commands()).singleElement()
        .satisfies(c -> assertThat(c.description()).isEqualTo("load books"));
    assertThat(entries(result.tarball().get())).filteredOn(e -> e.getName().endsWith(".sh"))
        .allMatch(e -> (e.getMode() & 0777) == 0755);
  }

  @Test
  void build_unknownHookPhase_fails() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    Files.createDirectories(r.relDir().resolve("hooks/before_start"));
    assertThatThrownBy(() -> builder.build(r)).hasMessageContaining("before_start is not a hook phase");
  }

  @Test
  void build_declaredCommandWithoutScript_fails() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    Files.writeString(r.relDir().resolve("molt.json"), Files.readString(r.relDir().resolve("molt.json"))
        .replace("\"runtime\"", "\"commands\": {\"seed\": {}}, \"runtime\""));
    assertThatThrownBy(() -> builder.build(r)).hasMessageContaining("seed.sh does not exist");
  }

  /** Temporary files a build may leave beside its outputs. */
  private List<Path> leftovers() throws Exception {
    List<Path> out = new ArrayList<>();
    for (Path p : List.of(dir.resolve("target"), dir.resolve("target/rel"))) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.getFileName().toString().startsWith(".")).forEach(out::add);
        }
      }
    }
    return out;
  }

  static List<TarArchiveEntry> entries(Path tarball) throws Exception {
    List<TarArchiveEntry> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(tarball);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        out.add(e);
      }
    }
    return out;
  }
}

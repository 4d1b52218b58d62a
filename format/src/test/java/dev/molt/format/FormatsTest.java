package dev.molt.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsTest {
  private static final String SHA = "0".repeat(64);

  @TempDir Path dir;

  static ReleaseDescriptor sample() {
    JarRef jar = new JarRef("a.jar", SHA);
    AppSpec lib = new AppSpec("h2", "2.5.252", Optional.of("com.h2database:h2:2.5.252"),
        List.of(jar), List.of(), Optional.empty());
    AppSpec app = new AppSpec("book_app", "0.1.0", Optional.empty(), List.of(jar), List.of("h2"),
        Optional.of(new EntryPoint(EntryPoint.Kind.APPLICATION, "dev.molt.fixtures.book.BookApp")));
    return new ReleaseDescriptor("book_app", "0.1.0", "prod",
        new KernelRef("0.1.0", List.of(jar)), RuntimeSpec.system(), List.of(lib, app),
        List.of(new CommandSpec("seed", "seed.sh", "Load sample books")));
  }

  @Test
  void release_writeThenRead_isTheSameAndCanonical() throws Exception {
    Path file = dir.resolve("release.json");
    Formats.writeRelease(file, sample());
    assertThat(Formats.readRelease(file)).isEqualTo(sample());
    String text = Files.readString(file);
    assertThat(text).startsWith("{\n  \"schema\" : 1,").endsWith("}\n").doesNotContain("\r");
    assertThat(Formats.toJson(Formats.readRelease(file))).isEqualTo(text);
  }

  @Test
  void release_withTrial_writeThenRead_isTheSame() throws Exception {
    ReleaseDescriptor d = sample();
    ReleaseDescriptor tried = new ReleaseDescriptor(d.name(), d.version(), d.environment(),
        d.kernel(), d.runtime(), d.apps(), d.commands(), Optional.of(new TrialCheck(
            TrialCheck.Kind.RPC, "book_app dev.molt.fixtures.book.Health.check", 10, 250)));
    Path file = dir.resolve("release.json");
    Formats.writeRelease(file, tried);
    assertThat(Formats.readRelease(file)).isEqualTo(tried);
    assertThat(Files.readString(file)).contains("\"upgrade\" : {", "\"rpc\" : \"book_app",
        "\"interval_ms\" : 250");
  }

  @Test
  void release_trialWithTwoChecks_isRejected() throws Exception {
    Path file = write(Formats.toJson(sample()).replace("\"environment\"",
        "\"upgrade\" : {\"trial\" : {\"http\" : \"http://x/\", \"hook\" : \"a.sh\", \"seconds\" : 1}},\n"
            + "  \"environment\""));
    assertThatThrownBy(() -> Formats.readRelease(file)).isInstanceOf(FormatException.class)
        .hasMessageContaining("upgrade.trial").hasMessageContaining("exactly one of http, rpc, hook");
  }

  @Test
  void release_upgradeBounds_areWrittenWhenSet_readBack_andDefaultWhenAbsent() throws Exception {
    ReleaseDescriptor d = sample();
    ReleaseDescriptor bounded = new ReleaseDescriptor(d.name(), d.version(), d.environment(),
        d.kernel(), d.runtime(), d.apps(), d.commands(), new UpgradeSettings(300, 1500));
    Path file = dir.resolve("release.json");
    Formats.writeRelease(file, bounded);

    assertThat(Files.readString(file)).contains("\"update_pause_ms\" : 300");
    assertThat(Formats.readRelease(file).upgrade()).isEqualTo(new UpgradeSettings(300, 1500));
    assertThat(Formats.toJson(d)).doesNotContain("upgrade");
    assertThat(d.upgrade()).isEqualTo(UpgradeSettings.DEFAULTS);
  }

  @Test
  void release_upgradeBoundOutOfRangeOrUnknown_isRejectedNamingIt() throws Exception {
    String json = Formats.toJson(sample());
    Path zero = write(json.replace("\"schema\" : 1,", "\"schema\" : 1, \"upgrade\": {\"update_pause_ms\": 0},"));
    assertThatThrownBy(() -> Formats.readRelease(zero))
        .hasMessageContaining("upgrade.update_pause_ms is 0; it must be between 1 and 600000");
    Path typo = write(json.replace("\"schema\" : 1,", "\"schema\" : 1, \"upgrade\": {\"pause\": 5},"));
    assertThatThrownBy(() -> Formats.readRelease(typo)).hasMessageContaining("[pause]");
  }

  @Test
  void release_unknownField_isNamedWithTheKnownOnes() throws Exception {
    Path file = write(Formats.toJson(sample()).replace("\"environment\"", "\"colour\" : 1,\n  \"environment\""));
    assertThatThrownBy(() -> Formats.readRelease(file))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("release.json")
        .hasMessageContaining("unknown field(s) [colour]");
  }

  @Test
  void release_wrongType_namesThePath() throws Exception {
    Path file = write(Formats.toJson(sample()).replace("\"version\" : \"0.1.0\",\n      \"jars\"",
        "\"version\" : 7,\n      \"jars\""));
    assertThatThrownBy(() -> Formats.readRelease(file))
        .hasMessageContaining("apps[1].version must be a string");
  }

  @Test
  void release_dependencyOnUnknownApp_isRejected() throws Exception {
    Path file = write(Formats.toJson(sample())
        .replaceAll("(\"dependsOn\" : \\[\\s*)\"h2\"", "$1\"flyway\""));
    assertThatThrownBy(() -> Formats.readRelease(file))
        .hasMessageContaining("depends on flyway, which is not in the release");
  }

  @Test
  void release_cycle_isNamed() {
    JarRef jar = new JarRef("a.jar", SHA);
    AppSpec a = new AppSpec("a", "1", Optional.empty(), List.of(jar), List.of("b"), Optional.empty());
    AppSpec b = new AppSpec("b", "1", Optional.empty(), List.of(jar), List.of("a"), Optional.empty());
    assertThatThrownBy(() -> new ReleaseDescriptor("r", "1", "prod", new KernelRef("1", List.of(jar)),
            RuntimeSpec.system(), List.of(a, b), List.of()))
        .hasMessageContaining("cycle: a -> b -> a");
  }

  @Test
  void release_notJson_saysWhereAndWhatToDo() throws Exception {
    Path file = write("{\"schema\": 1,\n \"name\": ");
    assertThatThrownBy(() -> Formats.readRelease(file))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("line 2")
        .hasMessageContaining("restore it from the release tarball");
  }

  @Test
  void release_emptyOrMissingFile_isReported() throws Exception {
    Path empty = write("");
    assertThatThrownBy(() -> Formats.readRelease(empty)).hasMessageContaining("file is empty");
    assertThatThrownBy(() -> Formats.readRelease(dir.resolve("nope.json")))
        .hasMessageContaining("file not found");
  }

  @Test
  void release_futureSchema_asksForMatchingMolt() throws Exception {
    Path file = write(Formats.toJson(sample()).replace("\"schema\" : 1", "\"schema\" : 2"));
    assertThatThrownBy(() -> Formats.readRelease(file)).hasMessageContaining("reads schema 1");
  }

  @Test
  void release_badSha_isRejected() throws Exception {
    Path file = write(Formats.toJson(sample()).replaceFirst(SHA, "xyz"));
    assertThatThrownBy(() -> Formats.readRelease(file)).hasMessageContaining("64 lower-case hex");
  }

  @Test
  void releases_roundTripAndStates() throws Exception {
    Path file = dir.resolve("RELEASES.json");
    ReleasesFile releases = new ReleasesFile("book_app", List.of(
        new InstalledRelease("0.1.0", ReleaseState.OLD),
        new InstalledRelease("0.2.0", ReleaseState.PERMANENT),
        new InstalledRelease("0.3.0", ReleaseState.CURRENT)));
    Formats.writeReleases(file, releases);
    assertThat(Formats.readReleases(file)).isEqualTo(releases);
    assertThat(Formats.readReleases(file).permanent().version()).isEqualTo("0.2.0");
    assertThat(Files.readString(file)).contains("\"state\" : \"current\"");
  }

  @Test
  void releases_twoPermanent_orUnknownState_areRejected() throws Exception {
    Path two = write("{\"schema\":1,\"name\":\"a\",\"releases\":[{\"version\":\"1\",\"state\":\"permanent\"},"
        + "{\"version\":\"2\",\"state\":\"permanent\"}]}");
    assertThatThrownBy(() -> Formats.readReleases(two)).hasMessageContaining("exactly one release must be permanent");
    Path odd = write("{\"schema\":1,\"name\":\"a\",\"releases\":[{\"version\":\"1\",\"state\":\"live\"}]}");
    assertThatThrownBy(() -> Formats.readReleases(odd)).hasMessageContaining("releases[0].state is \"live\"");
  }

  @Test
  void writeAtomically_replacesWithoutLeavingTemporaryFiles() throws Exception {
    Path file = dir.resolve("x.json");
    Formats.writeAtomically(file, "one");
    Formats.writeAtomically(file, "two");
    assertThat(Files.readString(file)).isEqualTo("two");
    try (var list = Files.list(dir)) {
      assertThat(list).containsExactly(file);
    }
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("release.json");
    Files.writeString(file, text);
    return file;
  }
}

package dev.molt.upgrade.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.format.Formats;
import dev.molt.upgrade.UpgradeException;
import dev.molt.upgrade.state.ReleaseStates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoverTest {
  @TempDir Path root;
  @TempDir Path out;

  @BeforeEach
  void nodeWith020Unpacked() throws Exception {
    FakeRelease.installed(root, "0.1.0");
    Map<String, String> files = new TreeMap<>(FakeRelease.files("0.2.0", true));
    Path pkg = FakeRelease.pkg(out.resolve("demo-0.2.0-upgrade.tar.gz"), "0.2.0", files);
    new Unpacker(root, "demo", "0.1.0").unpack(pkg, false, OptionalLong.empty());
  }

  private Remover remover(Set<String> live) {
    return new Remover(root, "demo", "0.1.0", live);
  }

  @Test
  void unpackedRelease_goes_withTheLibDirsOnlyItUses() throws Exception {
    var lines = remover(Set.of()).remove("0.2.0");

    assertThat(lines.get(0)).isEqualTo("removed demo 0.2.0: releases/0.2.0/, lib/app-0.2.0");
    assertThat(lines.get(1)).contains("lib/lib-1.0", "lib/molt-kernel-1.0");
    assertThat(root.resolve("releases/0.2.0")).doesNotExist();
    assertThat(root.resolve("lib/app-0.2.0")).doesNotExist();
    assertThat(root.resolve("lib/app-0.1.0/app.jar")).isRegularFile();
    assertThat(root.resolve("lib/lib-1.0/lib.jar")).isRegularFile();
    assertThat(Formats.readReleases(root.resolve("releases/RELEASES.json")).release("0.2.0"))
        .isEmpty();
    assertThat(Files.list(root.resolve("releases")).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("0.1.0", "RELEASES.json");
  }

  @Test
  void libDirOfALiveLoader_isKept() throws Exception {
    remover(Set.of("lib/app-0.2.0")).remove("0.2.0");

    assertThat(root.resolve("lib/app-0.2.0/app.jar")).isRegularFile();
    assertThat(root.resolve("releases/0.2.0")).doesNotExist();
  }

  @Test
  void aLinkedLibDir_isRemovedAsALink_itsTargetStays() throws Exception {
    Path elsewhere = Files.createDirectories(out.resolve("jars"));
    Files.writeString(elsewhere.resolve("keep.jar"), "mine");
    Path lib = root.resolve("lib/app-0.2.0");
    // a dev release links to the user's jars
    Files.move(lib, out.resolve("moved"));
    Files.createSymbolicLink(lib, elsewhere);

    remover(Set.of()).remove("0.2.0");

    assertThat(lib).doesNotExist();
    assertThat(elsewhere.resolve("keep.jar")).hasContent("mine");
  }

  @Test
  void removeInterruptedBeforeItsCommit_isPutBack() throws Exception {
    Path trash = Files.createDirectories(root.resolve("releases/.remove-123"));
    Files.move(root.resolve("releases/0.2.0"), trash.resolve("release"));
    Files.move(root.resolve("lib/app-0.2.0"), trash.resolve("app-0.2.0"));

    boolean deletable = Remover.putBackUncommitted(root, trash,
        new java.io.PrintStream(new java.io.ByteArrayOutputStream()));

    assertThat(deletable).isTrue();
    assertThat(root.resolve("releases/0.2.0/release.json")).isRegularFile();
    assertThat(root.resolve("lib/app-0.2.0/app.jar")).isRegularFile();
  }

  @Test
  void removeInterruptedAfterItsCommit_isLeftToBeDeleted() throws Exception {
    Path trash = Files.createDirectories(root.resolve("releases/.remove-123"));
    Files.move(root.resolve("releases/0.2.0"), trash.resolve("release"));
    var now = Formats.readReleases(root.resolve("releases/RELEASES.json"));
    Formats.writeReleases(root.resolve("releases/RELEASES.json"), new dev.molt.format.ReleasesFile(
        now.name(), now.releases().stream().filter(r -> !r.version().equals("0.2.0")).toList()));

    assertThat(Remover.putBackUncommitted(root, trash,
        new java.io.PrintStream(new java.io.ByteArrayOutputStream()))).isTrue();
    assertThat(root.resolve("releases/0.2.0")).doesNotExist();
  }

  @Test
  void runningRelease_isRefused() throws Exception {
    assertRefused("0.1.0", "0.1.0 is the release the node runs");
  }

  @Test
  void permanentRelease_isRefusedNamingMakePermanent() throws Exception {
    new ReleaseStates(root).commit("0.1.0", "0.2.0", false); // as if the node had moved
    Remover on020 = new Remover(root, "demo", "0.2.0", Set.of());
    new ReleaseStates(root).makePermanent("0.1.0");
    Map<String, String> before = FakeRelease.snapshot(root);

    assertThatThrownBy(() -> on020.remove("0.1.0")).isInstanceOf(UpgradeException.class)
        .hasMessageContaining("0.1.0 is permanent")
        .hasMessageContaining("make_permanent <vsn>");
    assertThat(FakeRelease.snapshot(root)).isEqualTo(before);
  }

  @Test
  void unknownRelease_isRefused() throws Exception {
    assertRefused("7.7.7", "7.7.7 is not installed");
  }

  private void assertRefused(String version, String message) throws Exception {
    Map<String, String> before = FakeRelease.snapshot(root);
    assertThatThrownBy(() -> remover(Set.of()).remove(version))
        .isInstanceOfSatisfying(UpgradeException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(10);
          assertThat(e.getMessage()).startsWith("remove refused; nothing was changed: ")
              .contains(message);
        });
    assertThat(FakeRelease.snapshot(root)).isEqualTo(before);
  }
}

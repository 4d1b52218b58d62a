package dev.molt.upgrade.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.format.ReleaseDescriptor;
import dev.molt.upgrade.UpgradeException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestorerTest {
  @TempDir Path root;
  private Restorer restorer;
  private ReleaseDescriptor v1;

  @BeforeEach
  void node() throws Exception {
    FakeRelease.installed(root, "0.1.0");
    restorer = new Restorer(root, "demo", new PrintStream(new ByteArrayOutputStream()));
    v1 = FakeRelease.descriptor("0.1.0");
  }

  private void archive() throws Exception {
    Map<String, String> entries = new TreeMap<>();
    FakeRelease.files("0.1.0", false).forEach((k, v) -> entries.put("demo/" + k, v));
    FakeRelease.tar(root.resolve("releases/0.1.0/demo-0.1.0.tar.gz"), entries);
  }

  @Test
  void allFilesFine_nothingToDo() throws Exception {
    assertThat(restorer.restore("downgrade", v1)).isEmpty();
  }

  @Test
  void aDevReleasesJarLinkedToItsBuildOutput_isReadThroughTheLink_nothingToDo() throws Exception {
    Path jar = root.resolve("lib/app-0.1.0/app.jar");
    Path built = Files.move(jar, root.resolve("app-built.jar"));
    Files.createSymbolicLink(jar, built);

    assertThat(restorer.restore("upgrade", v1)).isEmpty();
    assertThat(Files.isSymbolicLink(jar)).isTrue();
  }

  @Test
  void missingAndChangedJars_areRestoredFromTheArchivedTarball() throws Exception {
    archive();
    Files.delete(root.resolve("lib/app-0.1.0/app.jar"));
    Files.writeString(root.resolve("lib/lib-1.0/lib.jar"), "damaged");

    var lines = restorer.restore("downgrade", v1);

    assertThat(lines).containsExactly(
        "restored lib/app-0.1.0/ of demo 0.1.0 from releases/0.1.0/demo-0.1.0.tar.gz",
        "restored lib/lib-1.0/ of demo 0.1.0 from releases/0.1.0/demo-0.1.0.tar.gz");
    assertThat(root.resolve("lib/app-0.1.0/app.jar")).hasContent("jar of lib/app-0.1.0");
    assertThat(root.resolve("lib/lib-1.0/lib.jar")).hasContent("jar of lib/lib-1.0");
    assertThat(Files.list(root.resolve("releases")).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("0.1.0", "RELEASES.json");
  }

  @Test
  void withoutArchive_isRefusedNamingTheFiles() throws Exception {
    Files.delete(root.resolve("lib/app-0.1.0/app.jar"));
    Map<String, String> before = FakeRelease.snapshot(root);

    assertThatThrownBy(() -> restorer.restore("downgrade", v1))
        .isInstanceOfSatisfying(UpgradeException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(10);
          assertThat(e.getMessage()).contains("downgrade to 0.1.0 refused; nothing was changed",
              "lib/app-0.1.0/app.jar (missing)", "no archive demo-0.1.0.tar.gz");
        });
    assertThat(FakeRelease.snapshot(root)).isEqualTo(before);
  }

  @Test
  void archiveThatDoesNotHoldTheRightBytes_isRefused_nothingChanges() throws Exception {
    Map<String, String> entries = new TreeMap<>();
    FakeRelease.files("0.1.0", false).forEach((k, v) -> entries.put("demo/" + k, v));
    entries.put("demo/lib/app-0.1.0/app.jar", "also wrong");
    FakeRelease.tar(root.resolve("releases/0.1.0/demo-0.1.0.tar.gz"), entries);
    Files.writeString(root.resolve("lib/app-0.1.0/app.jar"), "damaged");
    Map<String, String> before = FakeRelease.snapshot(root);

    assertThatThrownBy(() -> restorer.restore("downgrade", v1))
        .isInstanceOf(UpgradeException.class)
        .hasMessageContaining("cannot restore them");
    assertThat(FakeRelease.snapshot(root)).isEqualTo(before);
  }
}

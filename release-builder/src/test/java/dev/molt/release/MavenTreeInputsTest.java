package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.format.EntryPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenTreeInputsTest {
  @TempDir Path dir;
  Path lib;
  Path app;

  @BeforeEach
  void jars() throws Exception {
    lib = dir.resolve("lib");
    app = TestJars.jar(dir.resolve("book_app-0.1.0.jar"),
        Map.of("books.Main", TestJars.type("books.Main", "java/lang/Object", true)), "books.Main");
    for (String jar : List.of("h2-2.5.252.jar", "core-1.0.jar", "core-2.0.jar", "netty-transport-4.1-linux.jar",
        "molt-api-0.1.0.jar", "slf4j-api-2.0.jar")) {
      TestJars.library(lib.resolve(jar), "x.X");
    }
  }

  private Path tgf(String text) throws Exception {
    return Files.writeString(dir.resolve("deps.tgf"), text);
  }

  @Test
  void read_handWrittenTree_givesAppsEdgesAndEntry() throws Exception {
    Path tree = tgf("""
        100 com.example:book_app:jar:0.1.0
        200 com.h2database:h2:jar:2.5.252:runtime
        300 dev.molt:molt-api:jar:0.1.0:compile
        400 org.slf4j:slf4j-api:jar:2.0:compile
        500 junit:junit:jar:4.13:test
        #
        100 200 runtime
        100 300 compile
        200 400 compile
        100 500 test
        """);
    List<AppInput> apps = MavenTreeInputs.read(tree, lib, app, Optional.empty());
    assertThat(apps).extracting(AppInput::name).containsExactly("book_app", "h2", "molt-api", "slf4j-api");
    AppInput root = apps.get(0);
    assertThat(root.version()).isEqualTo("0.1.0");
    assertThat(root.jars()).containsExactly(app);
    assertThat(root.dependsOn()).containsExactly("h2", "molt-api");
    assertThat(root.entry()).contains(new EntryPoint(EntryPoint.Kind.MAIN, "books.Main"));
    AppInput h2 = apps.get(1);
    assertThat(h2.coordinates()).contains("com.h2database:h2:2.5.252");
    assertThat(h2.jars()).containsExactly(lib.resolve("h2-2.5.252.jar"));
    assertThat(h2.dependsOn()).containsExactly("slf4j-api");
    assertThat(h2.entry()).isEmpty();
  }

  @Test
  void read_sameArtifactIdInTwoGroups_usesGroupIdInNames() throws Exception {
    Path tree = tgf("""
        1 com.example:book_app:jar:0.1.0
        2 org.a:core:jar:1.0:compile
        3 org.b:core:jar:2.0:runtime
        4 io.netty:netty-transport:jar:linux:4.1:runtime
        #
        1 2 compile
        2 3 runtime
        1 4 runtime
        """);
    List<AppInput> apps = MavenTreeInputs.read(tree, lib, app, Optional.of("books.Main"));
    assertThat(apps).extracting(AppInput::name)
        .containsExactly("book_app", "org.a.core", "org.b.core", "netty-transport-linux");
    assertThat(apps.get(1).dependsOn()).containsExactly("org.b.core");
    assertThat(apps.get(3).jars()).containsExactly(lib.resolve("netty-transport-4.1-linux.jar"));
  }

  @Test
  void read_verboseTreeWithOmittedNodes_mergesThemAndKeepsTheirEdges() throws Exception {
    Path tree = tgf("""
        1 com.example:book_app:jar:0.1.0
        2 org.a:core:jar:1.0:compile
        3 (org.slf4j:slf4j-api:jar:1.7:compile - omitted for conflict with 2.0)
        4 com.h2database:h2:jar:2.5.252:runtime
        5 org.slf4j:slf4j-api:jar:2.0:compile
        #
        1 2 compile
        2 3 compile
        1 4 runtime
        4 5 compile
        """);
    List<AppInput> apps = MavenTreeInputs.read(tree, lib, app, Optional.empty());
    assertThat(apps).filteredOn(a -> a.name().equals("slf4j-api")).singleElement()
        .satisfies(a -> assertThat(a.version()).isEqualTo("2.0"));
    assertThat(apps.get(1).dependsOn()).containsExactly("slf4j-api");
  }

  @Test
  void read_jarMissingFromLib_namesArtifactAndRemedy() throws Exception {
    Path tree = tgf("""
        1 com.example:book_app:jar:0.1.0
        2 com.google.guava:guava:jar:33.0:compile
        #
        1 2 compile
        """);
    assertThatThrownBy(() -> MavenTreeInputs.read(tree, lib, app, Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("com.google.guava:guava:33.0")
        .hasMessageContaining("guava-33.0.jar")
        .hasMessageContaining("dependency:copy-dependencies");
  }

  @Test
  void read_garbage_saysWhichLine() throws Exception {
    Path tree = tgf("hello\n");
    assertThatThrownBy(() -> MavenTreeInputs.read(tree, lib, app, Optional.empty()))
        .hasMessageContaining("deps.tgf:1: not a TGF dependency tree line");
  }

  @Test
  void read_treeBuildsARelease() throws Exception {
    Path tree = tgf("""
        1 com.example:book_app:jar:0.1.0
        2 com.h2database:h2:jar:2.5.252:runtime
        3 org.slf4j:slf4j-api:jar:2.0:compile
        4 dev.molt:molt-api:jar:0.1.0:compile
        #
        1 2 runtime
        2 3 compile
        1 4 compile
        """);
    List<AppInput> apps = MavenTreeInputs.read(tree, lib, app, Optional.empty());
    new ReleaseBuilder(s -> {}).init(dir.resolve("rel"), "book_app");
    ReleaseResult r = new ReleaseBuilder(s -> {}).build(new ReleaseRequest("book_app", "0.1.0", "dev",
        dir.resolve("rel"), dir.resolve("target"), apps, TestReleases.fakeKernel(dir), Optional.empty()));
    assertThat(r.descriptor().apps()).extracting(a -> a.name()).containsExactly("slf4j-api", "h2", "book_app");
  }
}

package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.format.EntryPoint;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An application's class path in the release: order, entry class in a library, bad inputs. */
class ClassPathInputsTest {
  @TempDir Path dir;
  private final ReleaseBuilder builder = new ReleaseBuilder(line -> { });

  private static List<AppInput> replace(List<AppInput> apps, AppInput with) {
    List<AppInput> out = new ArrayList<>();
    apps.forEach(a -> out.add(a.name().equals(with.name()) ? with : a));
    return out;
  }

  @Test
  void build_classPathOrder_isKeptInReleaseJson_andCompletedFromTheEdges() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    AppInput shop = r.apps().get(0);
    AppInput ordered = new AppInput(shop.name(), shop.version(), shop.coordinates(), shop.jars(),
        shop.dependsOn(), List.of("util"), shop.entry());
    ReleaseResult result = builder.build(TestReleases.withApps(r, replace(r.apps(), ordered)));
    ReleaseDescriptor written = Formats.readRelease(
        result.releaseDir().resolve("releases/1.0/release.json"));
    assertThat(written.app("shop").orElseThrow().classPath()).containsExactly("util", "json");
  }

  @Test
  void build_entryClassInALibrary_isFoundAlongTheClassPath() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    Path launcher = TestJars.jar(dir.resolve("in/launcher-1.0.jar"),
        Map.of("launch.Boot", TestJars.type("launch.Boot", "java/lang/Object", true)));
    AppInput shop = r.apps().get(0);
    List<AppInput> apps = new ArrayList<>(replace(r.apps(), new AppInput(shop.name(),
        shop.version(), shop.coordinates(), shop.jars(), List.of("json", "util", "launcher"),
        Optional.of(EntryPoints.detect(List.of(shop.jars().get(0), launcher),
            Optional.of("launch.Boot"))))));
    apps.add(new AppInput("launcher", "1.0", Optional.empty(), List.of(launcher), List.of(),
        Optional.empty()));
    ReleaseResult result = builder.build(TestReleases.withApps(r, apps));
    assertThat(result.descriptor().app("shop").orElseThrow().entry().orElseThrow())
        .isEqualTo(new EntryPoint(EntryPoint.Kind.MAIN, "launch.Boot"));
  }

  @Test
  void build_twoVersionsOfOneArtifactInOneApplication_namesBothAndChangesNothing()
      throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    builder.build(r);
    String before = Files.readString(dir.resolve("target/rel/shop/releases/1.0/release.json"));
    byte[] tarball = Files.readAllBytes(dir.resolve("target/shop-1.0.tar.gz"));
    Path util4 = TestJars.library(dir.resolve("in/util-4.0.jar"), "util.Strings");
    List<AppInput> apps = new ArrayList<>();
    for (AppInput a : r.apps()) {
      apps.add(a.name().equals("util") ? new AppInput("util", "3.0",
          Optional.of("com.example:util:3.0"), a.jars(), List.of(), Optional.empty()) : a);
    }
    apps.add(new AppInput("util4", "4.0", Optional.of("com.example:util:4.0"), List.of(util4),
        List.of(), Optional.empty()));
    AppInput shop = apps.get(0);
    apps.set(0, new AppInput(shop.name(), shop.version(), shop.coordinates(), shop.jars(),
        List.of("json", "util", "util4"), shop.entry()));
    assertThatThrownBy(() -> builder.build(TestReleases.withApps(r, apps)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("app shop would load com.example:util twice, at versions 3.0 (util)"
            + " and 4.0 (util4)")
        .hasMessageContaining("keep one version");
    assertThat(dir.resolve("target/rel/shop/releases/1.0/release.json")).hasContent(before);
    assertThat(dir.resolve("target/shop-1.0.tar.gz")).hasBinaryContent(tarball);
  }

  @Test
  void build_plainAndClassifiedJarOfOneArtifactAtOneVersion_areBothOnTheClassPath()
      throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    Path natives = TestJars.library(dir.resolve("in/util-3.0-natives.jar"), "util.Natives");
    List<AppInput> apps = new ArrayList<>();
    for (AppInput a : r.apps()) {
      apps.add(a.name().equals("util") ? new AppInput("util", "3.0",
          Optional.of("com.example:util:3.0"), a.jars(), List.of(), Optional.empty()) : a);
    }
    apps.add(new AppInput("util-natives", "3.0", Optional.of("com.example:util:3.0"),
        List.of(natives), List.of(), Optional.empty()));
    AppInput shop = apps.get(0);
    apps.set(0, new AppInput(shop.name(), shop.version(), shop.coordinates(), shop.jars(),
        List.of(), List.of("json", "util", "util-natives"), shop.entry()));

    ReleaseResult result = builder.build(TestReleases.withApps(r, apps));

    assertThat(result.descriptor().app("shop").orElseThrow().classPath())
        .containsExactly("json", "util", "util-natives");
  }

  @Test
  void build_classPathNamingAnApplication_isRefused() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    AppInput shop = r.apps().get(0);
    List<AppInput> apps = replace(r.apps(), new AppInput(shop.name(), shop.version(),
        shop.coordinates(), shop.jars(), shop.dependsOn(), List.of("shop2"), shop.entry()));
    List<AppInput> more = new ArrayList<>(apps);
    more.add(new AppInput("shop2", "1.0", Optional.empty(), shop.jars(), List.of(), shop.entry()));
    assertThatThrownBy(() -> builder.build(TestReleases.withApps(r, more)))
        .hasMessageContaining("the class path of app shop names 'shop2', which is not a library");
  }

  @Test
  void build_mainArgsFromMoltJson_reachTheMainEntry() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    Path moltJson = r.relDir().resolve("molt.json");
    Files.writeString(moltJson, Files.readString(moltJson)
        .replace("\"runtime\"", "\"args\": [\"server\", \"${CONFIG:-app.yml}\"], \"runtime\""));
    ReleaseResult result = builder.build(r);
    assertThat(result.descriptor().app("shop").orElseThrow().entry().orElseThrow().args())
        .containsExactly("server", "${CONFIG:-app.yml}");
  }
}

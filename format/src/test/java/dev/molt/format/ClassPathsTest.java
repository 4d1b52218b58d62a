package dev.molt.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathsTest {
  private static final JarRef JAR = new JarRef("x.jar", "0".repeat(64));
  private static final Optional<EntryPoint> MAIN =
      Optional.of(new EntryPoint(EntryPoint.Kind.MAIN, "app.Main"));

  @TempDir Path dir;

  static AppSpec lib(String name, String... deps) {
    return new AppSpec(name, "1", Optional.empty(), List.of(JAR), List.of(deps), Optional.empty());
  }

  static AppSpec app(String name, List<String> classPath, String... deps) {
    return new AppSpec(name, "1", Optional.empty(), List.of(JAR), List.of(deps), classPath, MAIN);
  }

  static ReleaseDescriptor release(AppSpec... apps) {
    return new ReleaseDescriptor("r", "1", "prod", new KernelRef("1", List.of(JAR)),
        RuntimeSpec.system(), List.of(apps), List.of());
  }

  @Test
  void diamond_everyLibraryReachedOnce_breadthFirst() {
    ReleaseDescriptor r = release(lib("c"), lib("a", "c"), lib("b", "c"), app("app", List.of(), "a", "b"));
    assertThat(r.app("app").orElseThrow().classPath()).containsExactly("a", "b", "c");
  }

  @Test
  void storedOrder_isKept_andCompletedWithWhatTheEdgesReach() {
    ReleaseDescriptor r = release(lib("c"), lib("a"), lib("d"), app("app", List.of("c", "a"), "a", "d"));
    assertThat(r.app("app").orElseThrow().classPath()).containsExactly("c", "a", "d");
  }

  @Test
  void librariesOfAnApplicationDependency_areSeenThroughItsLoader_notCopied() {
    ReleaseDescriptor r = release(lib("x"), app("base", List.of(), "x"), lib("y"),
        app("top", List.of(), "base", "y"));
    AppSpec top = r.app("top").orElseThrow();
    assertThat(top.classPath()).containsExactly("y");
    assertThat(r.delegatesOf(top)).containsExactly("base");
    assertThat(r.applicationsHolding("x")).extracting(AppSpec::name).containsExactly("base");
  }

  @Test
  void classPathNamingAnApplication_isRejected() {
    assertThatThrownBy(() -> release(app("base", List.of()), app("top", List.of("base"))))
        .hasMessageContaining("names base, which is an application, not a library");
  }

  @Test
  void classPathNamingAnUnknownLibrary_isRejected() {
    assertThatThrownBy(() -> release(app("top", List.of("ghost"))))
        .hasMessageContaining("names ghost, which is not in the release");
  }

  @Test
  void libraryWithAClassPath_isRejected() {
    assertThatThrownBy(() -> new AppSpec("l", "1", Optional.empty(), List.of(JAR), List.of(),
        List.of("m"), Optional.empty())).hasMessageContaining("only applications have one");
  }

  @Test
  void applicationListedBeforeItsClassPathLibrary_isRejected() {
    assertThatThrownBy(() -> release(app("top", List.of("late")), lib("late")))
        .hasMessageContaining("top is listed before late");
  }

  @Test
  void classPathAndMainArgs_roundTripThroughReleaseJson() throws Exception {
    AppSpec app = new AppSpec("app", "1", Optional.empty(), List.of(JAR), List.of("a"),
        List.of("b", "a"), Optional.of(new EntryPoint(EntryPoint.Kind.MAIN, "app.Main",
            List.of("server", "${CONFIG:-app.yml}"))));
    ReleaseDescriptor r = release(lib("a"), lib("b"), app);
    Path file = dir.resolve("release.json");
    Formats.writeRelease(file, r);
    assertThat(Formats.readRelease(file)).isEqualTo(r);
    assertThat(Formats.toJson(r).replaceAll("\\s+", " "))
        .contains("\"classPath\" : [ \"b\", \"a\" ]")
        .contains("\"args\" : [ \"server\", \"${CONFIG:-app.yml}\" ]");
  }

  @Test
  void argsOfAnApplicationEntry_areRejected() {
    assertThatThrownBy(() -> new EntryPoint(EntryPoint.Kind.APPLICATION, "a.App", List.of("x")))
        .hasMessageContaining("takes its settings from config.json");
  }
}

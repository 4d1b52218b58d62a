package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.format.EntryPoint;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryPointsTest {
  @TempDir Path dir;

  @Test
  void detect_classImplementingApplication_isApplication() throws Exception {
    Path jar = TestJars.jar(dir.resolve("a.jar"),
        Map.of("a.App", TestJars.type("a.App", "java/lang/Object", false, EntryPoints.APPLICATION)));
    assertThat(EntryPoints.detect(jar, Optional.of("a.App")))
        .isEqualTo(new EntryPoint(EntryPoint.Kind.APPLICATION, "a.App"));
  }

  @Test
  void detect_applicationThroughSuperclassInJar_isApplication() throws Exception {
    Path jar = TestJars.jar(dir.resolve("a.jar"), Map.of(
        "a.Base", TestJars.type("a.Base", "java/lang/Object", false, EntryPoints.APPLICATION),
        "a.App", TestJars.type("a.App", "a/Base", true)), "a.App");
    assertThat(EntryPoints.detect(jar, Optional.empty()))
        .isEqualTo(new EntryPoint(EntryPoint.Kind.APPLICATION, "a.App"));
  }

  @Test
  void detect_manifestMainClassWithMain_isMain() throws Exception {
    Path jar = TestJars.jar(dir.resolve("a.jar"),
        Map.of("a.Main", TestJars.type("a.Main", "java/lang/Object", true)), "a.Main");
    assertThat(EntryPoints.detect(jar, Optional.empty()))
        .isEqualTo(new EntryPoint(EntryPoint.Kind.MAIN, "a.Main"));
  }

  @Test
  void detect_classWithNeither_namesClassAndWhatItLacks() throws Exception {
    Path jar = TestJars.jar(dir.resolve("a.jar"),
        Map.of("a.Plain", TestJars.type("a.Plain", "java/lang/Object", false)));
    assertThatThrownBy(() -> EntryPoints.detect(jar, Optional.of("a.Plain")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a.Plain")
        .hasMessageContaining("neither implements dev.molt.api.Application nor has public static void main");
  }

  @Test
  void detect_noClassNamedAndNoManifestEntry_asksForMainClass() throws Exception {
    Path jar = TestJars.jar(dir.resolve("a.jar"),
        Map.of("a.Main", TestJars.type("a.Main", "java/lang/Object", true)));
    assertThatThrownBy(() -> EntryPoints.detect(jar, Optional.empty())).hasMessageContaining("set mainClass");
  }

  @Test
  void detect_classNotInJar_fails() throws Exception {
    Path jar = TestJars.library(dir.resolve("a.jar"), "a.Other");
    assertThatThrownBy(() -> EntryPoints.detect(jar, Optional.of("a.Main")))
        .hasMessageContaining("entry class a.Main is not in");
  }
}

package dev.molt.testsupport.javac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceJarsTest {
  @TempDir Path dir;

  @Test
  void compile_twoSources_jarHoldsTheirClassesSorted_andTheyLoad() throws Exception {
    Path jar = SourceJars.compile(dir, Map.of(
        "demo/b/Second", "package demo.b; public class Second { public static int two() { return 2; } }",
        "demo/a/First", "package demo.a; public class First {"
            + " public static int three() { return 1 + demo.b.Second.two(); } }"), "demo.jar");

    assertThat(jar).isEqualTo(dir.resolve("demo.jar"));
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names = Collections.list(file.entries()).stream().map(JarEntry::getName)
          .toList();
      assertThat(names).containsExactly("demo/a/First.class", "demo/b/Second.class");
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(loader.loadClass("demo.a.First").getMethod("three").invoke(null)).isEqualTo(3);
    }
  }

  @Test
  void compile_sourceThatDoesNotCompile_throwsNamingTheSources_andWritesNoJar() {
    assertThatThrownBy(() -> SourceJars.compile(dir,
        Map.of("demo/Broken", "package demo; public class Broken { int x = \"no\"; }"), "b.jar"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("javac failed")
        .hasMessageContaining(dir.resolve("java").toString());
    assertThat(Files.exists(dir.resolve("b.jar"))).isFalse();
  }
}

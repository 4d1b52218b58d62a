package dev.molt.release;

import dev.molt.archive.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies of jars as the release runs them: on a class path, where a {@code module-info.class}
 * means nothing. jdeps, given a modular jar, resolves its module descriptor instead and fails
 * outright ({@code FindException: Module jakarta.cdi not found, required by
 * jakarta.transaction}, in spite of {@code --ignore-missing-deps}) when it requires a module
 * that the application does not ship, as Spring Data JPA's jakarta.transaction-api does. The
 * copies lack every {@code module-info.class} (versioned ones too), so jdeps analyses their
 * classes like any other jar's. Jars that are not modular are used as they are.
 */
final class ClassPathJars implements AutoCloseable {
  private final Path dir;
  private final List<Path> jars;

  private ClassPathJars(Path dir, List<Path> jars) {
    this.dir = dir;
    this.jars = List.copyOf(jars);
  }

  /** {@code jars} in order, each modular one replaced by a copy without its module-info. */
  static ClassPathJars of(List<Path> jars) throws IOException {
    Path dir = Files.createTempDirectory("molt-jdeps");
    List<Path> out = new ArrayList<>();
    try {
      for (Path jar : jars) {
        out.add(hasModuleInfo(jar) ? stripped(jar, dir.resolve(out.size() + "-"
            + jar.getFileName())) : jar);
      }
    } catch (IOException | RuntimeException e) {
      Trees.deleteRecursively(dir);
      throw e;
    }
    return new ClassPathJars(dir, out);
  }

  List<Path> jars() {
    return jars;
  }

  private static boolean hasModuleInfo(Path jar) throws IOException {
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      return file.stream().anyMatch(e -> isModuleInfo(e.getName()));
    }
  }

  private static boolean isModuleInfo(String entry) {
    return entry.equals("module-info.class")
        || (entry.startsWith("META-INF/versions/") && entry.endsWith("/module-info.class"));
  }

  /** A copy without module-info entries; the zip file system copies the other entries as they are. */
  private static Path stripped(Path jar, Path copy) throws IOException {
    Files.copy(jar, copy);
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + copy.toUri()), Map.of())) {
      List<Path> infos;
      try (Stream<Path> all = Files.walk(zip.getPath("/"))) {
        infos = all.filter(p -> isModuleInfo(p.toString().substring(1))).toList();
      }
      for (Path p : infos) {
        Files.delete(p);
      }
    }
    return copy;
  }

  @Override
  public void close() throws IOException {
    Trees.deleteRecursively(dir);
  }
}

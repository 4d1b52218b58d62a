package dev.molt.testsupport.javac;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources given as text into a jar with the JDK's compiler: the apps, services and
 * units that tests and benchmarks make at run time. Needs a JDK (not a JRE). Not thread-safe for
 * one directory.
 */
public final class SourceJars {
  private SourceJars() {}

  /**
   * Writes each source to {@code dir/java/<key>.java}, compiles them (for Java 17, against this
   * JVM's class path, without annotation processing) into {@code dir/classes}, and packs the
   * classes, in sorted order, into {@code dir/<jarName>}.
   *
   * @param dir the work directory (created if absent)
   * @param sources Java source text by file path under the source root, without {@code .java}
   *     (for example {@code tally/unit/TallyService})
   * @param jarName the jar's file name
   * @return the jar
   * @throws IllegalStateException when there is no compiler or the sources do not compile (javac
   *     writes why to stderr)
   */
  public static Path compile(Path dir, Map<String, String> sources, String jarName)
      throws IOException {
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
        System.getProperty("java.class.path"), "--release", "17", "-proc:none"));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = dir.resolve("java").resolve(e.getKey() + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
          + ": run with a JDK");
    }
    int rc = javac.run(null, null, null, args.toArray(new String[0]));
    if (rc != 0) {
      throw new IllegalStateException("javac failed (exit " + rc + ") for the sources in "
          + dir.resolve("java"));
    }
    Path jar = dir.resolve(jarName);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    return jar;
  }
}

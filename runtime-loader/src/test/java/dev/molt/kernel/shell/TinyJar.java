package dev.molt.kernel.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles one Java source with javax.tools and packs the classes into a jar, for tests. */
final class TinyJar {
  private TinyJar() {}

  /** Builds {@code dir/<name>.jar} holding class {@code className} compiled from {@code source}. */
  static Path build(Path dir, String className, String source) throws IOException {
    Path src = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
    Path classes = dir.resolve("classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(
        null, null, null, "--release", "17", "-d", classes.toString(), src.toString());
    if (rc != 0) {
      throw new IllegalStateException("javac failed with " + rc + " on " + src);
    }
    Path jar = dir.resolve(className.substring(className.lastIndexOf('.') + 1) + ".jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(p));
        out.closeEntry();
      }
    }
    return jar;
  }
}

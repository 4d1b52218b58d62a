package dev.molt.upgrade.step;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** Reads a class file out of the first jar of a class path that holds it. */
public final class ClassBytes {
  private ClassBytes() {}

  /** The entry name of a binary class name: {@code a.b.C$D} is {@code a/b/C$D.class}. */
  public static String entry(String className) {
    return className.replace('.', '/') + ".class";
  }

  /**
   * The bytes of {@code className} in the first of {@code jars} that holds it.
   *
   * @throws IOException when a jar cannot be read
   */
  public static Optional<byte[]> read(List<Path> jars, String className) throws IOException {
    String entry = entry(className);
    for (Path jar : jars) {
      // Not multi-release aware on purpose: the relup names classes by their base entry, as
      // the appup compiler diffed them.
      try (JarFile file = new JarFile(jar.toFile())) {
        ZipEntry e = file.getEntry(entry);
        if (e != null) {
          try (InputStream in = file.getInputStream(e)) {
            return Optional.of(in.readAllBytes());
          }
        }
      }
    }
    return Optional.empty();
  }
}

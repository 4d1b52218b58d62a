package dev.molt.kernel.loader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Lists the packages that hold classes in a set of jars, as this runtime would load them. */
final class JarPackages {
  private static final String VERSIONS = "META-INF/versions/";

  private JarPackages() {}

  /**
   * The packages of all {@code .class} entries. Multi-release jars also count classes under
   * {@code META-INF/versions/<n>/} for every {@code n} up to the running Java version, because a
   * versioned entry may be the only one of its package. Reads the central directory only.
   */
  static Set<String> of(List<Path> jars) throws IOException {
    Set<String> packages = new HashSet<>();
    int runtime = Runtime.version().feature();
    for (Path jar : jars) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (Enumeration<? extends ZipEntry> it = zip.entries(); it.hasMoreElements(); ) {
          String name = it.nextElement().getName();
          if (name.endsWith(".class")) {
            classPath(name, runtime).ifPresent(path -> packages.add(packageOf(path)));
          }
        }
      } catch (IOException e) {
        throw new IOException(jar + ": cannot read it as a jar (" + e.getMessage() + ")", e);
      }
    }
    return packages;
  }

  /** The class path of an entry as this runtime sees it, empty for classes of later versions. */
  private static Optional<String> classPath(String entry, int runtime) {
    if (!entry.startsWith("META-INF/")) {
      return Optional.of(entry);
    }
    if (!entry.startsWith(VERSIONS)) {
      return Optional.empty();
    }
    int slash = entry.indexOf('/', VERSIONS.length());
    try {
      int version = Integer.parseInt(entry.substring(VERSIONS.length(), slash));
      return version <= runtime
          ? Optional.of(entry.substring(slash + 1))
          : Optional.empty();
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private static String packageOf(String classPath) {
    int slash = classPath.lastIndexOf('/');
    return slash < 0 ? "" : classPath.substring(0, slash).replace('/', '.');
  }
}

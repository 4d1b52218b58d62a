package dev.molt.upgrade.unpack;

import dev.molt.archive.JarContents;
import dev.molt.format.AppSpec;
import dev.molt.format.JarRef;
import dev.molt.format.ReleaseDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The {@code lib/} directories of a release, and whether two directory trees are the same. */
final class LibDirs {
  private LibDirs() {}

  /** {@code lib/molt-kernel-<v>} and every {@code lib/<app>-<vsn>} of {@code release}, in order. */
  static Map<String, List<JarRef>> jarsByDir(ReleaseDescriptor release) {
    Map<String, List<JarRef>> dirs = new LinkedHashMap<>();
    dirs.put(release.kernel().dir(), release.kernel().jars());
    for (AppSpec app : release.apps()) {
      dirs.put(app.dir(), app.jars());
    }
    return dirs;
  }

  /** The lib/ directories of {@code release}, relative to the root ({@code lib/x-1.0}). */
  static Set<String> of(ReleaseDescriptor release) {
    return new TreeSet<>(jarsByDir(release).keySet());
  }

  /**
   * Whether {@code a} and {@code b} hold the same tree: the same relative paths, each the same
   * kind (directory, file, link), files with the same bytes, links with the same target. Links
   * are compared, never followed.
   */
  static boolean identical(Path a, Path b) throws IOException {
    return describe(a).equals(describe(b));
  }

  /**
   * Whether {@code a} and {@code b} hold the same tree but for jars that differ only in their
   * bytes, not in what they hold ({@link JarContents}: the same entries with the same bytes,
   * whatever their times): a library rebuilt from unchanged sources. Other files must be
   * identical, links the same.
   */
  static boolean sameContent(Path a, Path b) throws IOException {
    Map<String, String> ta = describe(a);
    Map<String, String> tb = describe(b);
    if (!ta.keySet().equals(tb.keySet())) {
      return false;
    }
    for (Map.Entry<String, String> e : ta.entrySet()) {
      String other = tb.get(e.getKey());
      if (e.getValue().equals(other)) {
        continue;
      }
      boolean jars = e.getKey().endsWith(".jar") && e.getValue().startsWith("file ")
          && other.startsWith("file ");
      if (!jars || !sameJar(a.resolve(e.getKey()), b.resolve(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** A file that does not read as a jar is not the same as another one. */
  private static boolean sameJar(Path a, Path b) {
    try {
      return JarContents.same(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static Map<String, String> describe(Path root) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    if (Files.isSymbolicLink(root)) {
      tree.put("", "link " + Files.readSymbolicLink(root));
      return tree;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = root.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          tree.put(rel, "link " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          tree.put(rel, "dir");
        } else {
          tree.put(rel, "file " + Sha256.of(p));
        }
      }
    }
    return tree;
  }
}

package dev.molt.upgrade.unpack;

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

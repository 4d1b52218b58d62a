package dev.molt.upgrade.unpack;

import dev.molt.format.JarRef;
import dev.molt.format.ReleaseDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The checks of an unpacked tree's files: against an upgrade package's
 * {@code releases/<vsn>/checksums.sha256} ({@code sha256sum} format, paths relative to the
 * package's {@code <name>/}), and against the SHA-256 of each jar in a {@code release.json}.
 * Each returns every problem found, one line each; an empty list means all is well.
 */
final class Checksums {
  private Checksums() {}

  /**
   * Parses a checksum list: one {@code <64 hex>  <path>} line per file (a {@code *} before the
   * path, sha256sum's binary mark, is accepted).
   *
   * @throws IllegalArgumentException naming the first malformed line
   */
  static Map<String, String> parse(String text, String source) {
    Map<String, String> sums = new TreeMap<>();
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      if (line.isEmpty()) {
        continue;
      }
      if (line.length() < 67 || !line.substring(0, 64).matches("[0-9a-f]{64}")
          || line.charAt(64) != ' ' || (line.charAt(65) != ' ' && line.charAt(65) != '*')) {
        throw new IllegalArgumentException(source + " line " + number + " is not '<sha256>  <path>'");
      }
      String path = line.substring(66);
      if (sums.put(path, line.substring(0, 64)) != null) {
        throw new IllegalArgumentException(source + " lists " + path + " twice");
      }
    }
    return sums;
  }

  /**
   * Checks {@code top} (the package's {@code <name>/} directory) against {@code sums}: every
   * listed file is there, a regular file, with that SHA-256; every file of the tree is listed but
   * {@code listFile} (the checksum list's own path); the tree holds no link.
   */
  static List<String> verifyTree(Path top, Map<String, String> sums, String listFile)
      throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, Path> present = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(top)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = top.relativize(p).toString().replace('\\', '/');
        if (Files.isSymbolicLink(p)) {
          problems.add(rel + " is a link, which an upgrade package never holds");
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !rel.equals(listFile)) {
          present.put(rel, p);
        }
      }
    }
    for (Map.Entry<String, String> e : sums.entrySet()) {
      Path file = present.get(e.getKey());
      if (file == null) {
        problems.add(e.getKey() + " is listed in " + listFile + " but missing");
      } else {
        String actual = Sha256.of(file);
        if (!actual.equals(e.getValue())) {
          problems.add(e.getKey() + " does not match " + listFile + " (sha256 " + actual
              + ", listed " + e.getValue() + ")");
        }
      }
    }
    for (String rel : present.keySet()) {
      if (!sums.containsKey(rel)) {
        problems.add(rel + " is not listed in " + listFile);
      }
    }
    return problems;
  }

  /** The checksum list's text, refusing a link or an oversized file. */
  static String read(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(file + " is not a regular file");
    }
    if (Files.size(file) > (16 << 20)) {
      throw new IOException(file + " is larger than 16 MiB");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /**
   * The jars of {@code release} under {@code root} (kernel and apps) that are missing or whose
   * SHA-256 is not the one release.json records, as {@code lib/<dir>/<jar> (missing)} or
   * {@code lib/<dir>/<jar> (changed)}. With {@code onlyPresentDirs}, the jars of a lib/
   * directory absent from {@code root} are not reported (an upgrade package ships only the
   * directories the node lacks).
   */
  static List<String> badJars(Path root, ReleaseDescriptor release, boolean onlyPresentDirs)
      throws IOException {
    List<String> bad = new ArrayList<>();
    for (Map.Entry<String, List<JarRef>> dir : LibDirs.jarsByDir(release).entrySet()) {
      Path d = root.resolve(dir.getKey());
      if (onlyPresentDirs && !Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      for (JarRef jar : dir.getValue()) {
        Path file = d.resolve(jar.file());
        String rel = dir.getKey() + "/" + jar.file();
        if (!Files.isRegularFile(file)) {
          bad.add(rel + " (missing)");
        } else if (!Sha256.ofTarget(file).equals(jar.sha256())) { // a dev release links
          bad.add(rel + " (changed: its sha256 is not the one release.json records)");
        }
      }
    }
    return bad;
  }
}

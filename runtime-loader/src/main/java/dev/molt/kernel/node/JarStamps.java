package dev.molt.kernel.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the last full check saw of each jar it hashed: {@code tmp/verified-jars-<vsn>}, one line
 * per jar with its path, the SHA-256 that release.json expects, and its size, modification time,
 * change time, inode and device. A jar whose line still matches was not written, replaced or
 * renamed since it was hashed, so hashing it again (the larger part of the kernel's boot) proves
 * nothing new. Any write changes the change time (ctime), which user-space tools cannot set back
 * ({@code touch} sets only mtime and atime); replacing a file changes its inode.
 *
 * <p>As git does for its index, a jar changed less than {@link #SETTLE_MILLIS} before it was
 * hashed is not stamped: on a file system with coarse timestamps a second write in the same tick
 * would otherwise look unchanged. The file is an optimization only: a missing, unreadable or
 * unwritable stamp file means every jar is hashed. Where the file system has no {@code unix}
 * attribute view (not Linux or macOS), jars are always hashed.
 *
 * <p>What is stamped is what is hashed: a jar that is a symbolic link (as in dev releases) is
 * stamped with its target's attributes, links followed, and the target's real path, so a changed
 * target or a link moved to another file is hashed again.
 */
final class JarStamps {
  static final long SETTLE_MILLIS = 2_000;
  private static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino,dev";

  private JarStamps() {}

  /** The stamp file of release {@code version}: under tmp/, which bin/&lt;name&gt; keeps 0700. */
  static Path file(Path root, String version) {
    return root.resolve("tmp").resolve("verified-jars-".concat(version));
  }

  /** The lines of the stamp file; empty when it is missing or unreadable. */
  static Set<String> read(Path file) {
    try {
      return new HashSet<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
  }

  /** The jar's stamp line now, or empty when its attributes cannot be read. */
  static Optional<String> current(Path jar, String relative, String sha256) {
    try {
      Map<String, Object> a = Files.readAttributes(jar, ATTRIBUTES);
      String real = Files.isSymbolicLink(jar) ? jar.toRealPath().toString() : relative;
      // String.join, not '+': an invokedynamic concatenation costs milliseconds cold at boot.
      return Optional.of(String.join(" ", relative, sha256, String.valueOf(a.get("size")),
          nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")), String.valueOf(a.get("ino")),
          String.valueOf(a.get("dev")), real));
    } catch (IOException | RuntimeException e) { // no unix view, or the jar is gone
      return Optional.empty();
    }
  }

  /** True when the jar was last changed {@code settleMillis} or more before {@code hashedAtMillis}. */
  static boolean settled(Path jar, long hashedAtMillis, long settleMillis) {
    try {
      Map<String, Object> a = Files.readAttributes(jar, "unix:lastModifiedTime,ctime");
      long latest = Math.max(millis(a.get("lastModifiedTime")), millis(a.get("ctime")));
      return latest <= hashedAtMillis - settleMillis;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Replaces the stamp file with {@code lines} (temporary file, then rename), if its directory
   * exists. Failures are ignored: the next boot hashes again.
   */
  static void write(Path file, List<String> lines) {
    if (!Files.isDirectory(file.getParent())) {
      return;
    }
    Path tmp = file.resolveSibling(".".concat(file.getFileName().toString()).concat(".tmp"));
    try {
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // Nothing else to do: a stale temporary file is replaced by the next write.
      }
    }
  }

  private static String nanos(Object time) {
    FileTime t = (FileTime) time;
    return Long.toString(t.to(java.util.concurrent.TimeUnit.NANOSECONDS));
  }

  private static long millis(Object time) {
    return ((FileTime) time).toMillis();
  }
}

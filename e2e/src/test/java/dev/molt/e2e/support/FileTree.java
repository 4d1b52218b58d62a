package dev.molt.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A snapshot of a directory (relative path to content hash, link target or "dir"), to prove that
 * a failed command changed no files.
 */
public final class FileTree {
  private FileTree() {}

  /**
   * Snapshots {@code root}, leaving out the subtrees in {@code ignored} (relative paths such as
   * {@code tmp}: scratch files a command may write before it fails).
   */
  public static Map<String, String> snapshot(Path root, List<String> ignored) {
    Map<String, String> entries = new TreeMap<>();
    if (!Files.exists(root)) {
      return entries;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.filter(p -> !p.equals(root)).forEach(p -> {
        String rel = root.relativize(p).toString();
        if (ignored.stream().noneMatch(i -> rel.equals(i) || rel.startsWith(i + "/"))) {
          entries.put(rel, describe(p));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static String describe(Path path) {
    try {
      if (Files.isSymbolicLink(path)) {
        return "link " + Files.readSymbolicLink(path);
      }
      if (Files.isDirectory(path)) {
        return "dir";
      }
      return "file " + sha256(path) + " " + Files.getLastModifiedTime(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SHA-256 of a file, lower-case hex. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}

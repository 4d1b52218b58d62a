package dev.molt.release;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a reproducible {@code .tar.gz} of a directory: entries sorted by path, one fixed mtime,
 * uid/gid 0 with empty owner names, modes 0644/0755 decided by path (never by the umask of the
 * build machine), symlinks kept as symlinks, gzip header without time or file name.
 */
final class TarballWriter {
  private final long mtimeSeconds;
  private final Predicate<String> executable;
  private final Predicate<String> excluded;

  /**
   * @param executable tells, by path relative to the root ("bin/x"), which files get 0755
   * @param excluded tells which relative paths to leave out
   */
  TarballWriter(long mtimeSeconds, Predicate<String> executable, Predicate<String> excluded) {
    this.mtimeSeconds = mtimeSeconds;
    this.executable = executable;
    this.excluded = excluded;
  }

  void write(Path root, String prefix, Path out) throws IOException {
    GzipParameters gz = new GzipParameters();
    gz.setModificationTime(0);
    gz.setOperatingSystem(255);
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out));
        GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(file, gz);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      tar.putArchiveEntry(entry(prefix + "/", TarConstants.LF_DIR, 0755));
      tar.closeArchiveEntry();
      for (Path p : sortedPaths(root)) {
        String rel = relative(root, p);
        String name = prefix + "/" + rel;
        if (Files.isSymbolicLink(p)) {
          TarArchiveEntry e = entry(name, TarConstants.LF_SYMLINK, 0777);
          e.setLinkName(Files.readSymbolicLink(p).toString());
          tar.putArchiveEntry(e);
        } else if (Files.isDirectory(p)) {
          tar.putArchiveEntry(entry(name + "/", TarConstants.LF_DIR, 0755));
        } else {
          TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, executable.test(rel) ? 0755 : 0644);
          e.setSize(Files.size(p));
          tar.putArchiveEntry(e);
          Files.copy(p, tar);
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  private TarArchiveEntry entry(String name, byte type, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name, type);
    int typeBits = type == TarConstants.LF_DIR ? 040000 : type == TarConstants.LF_SYMLINK ? 0120000 : 0100000;
    e.setMode(typeBits | mode);
    e.setModTime(FileTime.fromMillis(mtimeSeconds * 1000));
    e.setIds(0, 0);
    e.setUserName("");
    e.setGroupName("");
    return e;
  }

  private List<Path> sortedPaths(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(p -> !p.equals(root))
          .filter(p -> !excluded.test(relative(root, p)))
          .forEach(out::add);
    }
    // Sort by the '/'-joined relative path so the order is the same on every file system.
    out.sort((a, b) -> relative(root, a).compareTo(relative(root, b)));
    return out;
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}

package dev.molt.appup.pack;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Archives a release root as {@code <name>/...}, the layout of a release tarball. */
public final class TestTarballs {
  private TestTarballs() {}

  public static Path of(Path root, String name, Path tarball) throws Exception {
    try (OutputStream out = Files.newOutputStream(tarball);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out));
        Stream<Path> walk = Files.walk(root)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path f : files) {
        TarArchiveEntry e = new TarArchiveEntry(f.toFile(), name + "/" + root.relativize(f));
        tar.putArchiveEntry(e);
        Files.copy(f, tar);
        tar.closeArchiveEntry();
      }
    }
    return tarball;
  }
}

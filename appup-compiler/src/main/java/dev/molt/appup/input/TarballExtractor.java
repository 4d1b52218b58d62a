package dev.molt.appup.input;

import dev.molt.appup.error.InvalidReleaseException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Extracts a release tarball into a new temporary directory, refusing entries that escape it. */
final class TarballExtractor {
  private TarballExtractor() {}

  static Path extract(Path tarball) throws InvalidReleaseException {
    Path tmp;
    try {
      tmp = Files.createTempDirectory("molt-appup-");
    } catch (IOException e) {
      throw new InvalidReleaseException("cannot create a temporary directory to read " + tarball
          + ": " + e.getMessage() + "; set java.io.tmpdir to a writable directory", e);
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        write(tmp, tar, e, tarball);
      }
      return tmp;
    } catch (IOException | InvalidReleaseException e) {
      try {
        Trees.deleteRecursively(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (e instanceof InvalidReleaseException ire) {
        throw ire;
      }
      throw new InvalidReleaseException(tarball + ": not a readable .tar.gz (" + e.getMessage()
          + "); pass the release tarball built by molt:release", e);
    }
  }

  private static void write(Path tmp, TarArchiveInputStream tar, TarArchiveEntry e, Path tarball)
      throws IOException, InvalidReleaseException {
    Path target = tmp.resolve(e.getName()).normalize();
    if (!target.startsWith(tmp) || e.getName().startsWith("/")) {
      throw new InvalidReleaseException(tarball + ": entry " + e.getName()
          + " points outside the release; the tarball is not a Molt release");
    }
    if (e.isDirectory()) {
      Files.createDirectories(target);
    } else if (e.isSymbolicLink()) {
      Files.createDirectories(target.getParent());
      Files.createSymbolicLink(target, Path.of(e.getLinkName()));
    } else if (e.isFile()) {
      Files.createDirectories(target.getParent());
      Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

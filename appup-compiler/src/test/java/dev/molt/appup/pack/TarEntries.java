package dev.molt.appup.pack;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Lists the file entries of a .tar.gz, for assertions. */
public final class TarEntries {
  private TarEntries() {}

  public static List<String> names(Path tarball) throws Exception {
    List<String> out = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (!e.isDirectory()) {
          out.add(e.getName());
        }
      }
    }
    return out;
  }
}

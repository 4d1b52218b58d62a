package dev.molt.archive;

import static dev.molt.archive.EntryNames.unsafe;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** One pass over an archive into a fresh directory, entry by entry; not thread-safe. */
final class Extraction {
  private final Path archive;
  private final Path root;
  private final Limits limits;
  private final Set<String> seen = new HashSet<>();
  private final Set<String> links = new HashSet<>();
  private final List<ExtractedFile> files = new ArrayList<>();
  private int entries;
  private long total;

  Extraction(Path archive, Path root, Limits limits) {
    this.archive = archive;
    this.root = root;
    this.limits = limits;
  }

  List<ExtractedFile> run() throws ArchiveException {
    try (InputStream in = open();
        TarArchiveInputStream tar = new TarArchiveInputStream(gunzip(in))) {
      for (TarArchiveEntry e = next(tar); e != null; e = next(tar)) {
        entry(tar, e);
      }
    } catch (IOException e) {
      throw new ArchiveException(archive + ": cannot close the archive: " + e.getMessage(), e);
    }
    return files;
  }

  private InputStream open() throws ArchiveException {
    try {
      return new BufferedInputStream(Files.newInputStream(archive));
    } catch (NoSuchFileException e) {
      throw new ArchiveException(archive + ": no such archive; check the path", e);
    } catch (IOException e) {
      throw new ArchiveException(archive + ": cannot read the archive: " + e.getMessage(), e);
    }
  }

  private InputStream gunzip(InputStream in) throws ArchiveException {
    try {
      return new GzipCompressorInputStream(in);
    } catch (IOException e) {
      throw corrupt("", e);
    }
  }

  private TarArchiveEntry next(TarArchiveInputStream tar) throws ArchiveException {
    try {
      return tar.getNextEntry();
    } catch (IOException e) {
      throw corrupt(" after " + entries + " entries", e);
    }
  }

  private void entry(TarArchiveInputStream tar, TarArchiveEntry e) throws ArchiveException {
    if (++entries > limits.maxEntries()) {
      throw tooLarge(e.getName(), "is past the limit of " + limits.maxEntries() + " entries");
    }
    String name = EntryNames.relative(archive, e.getName());
    if (name.isEmpty() && e.isDirectory()) {
      return;
    }
    if (name.isEmpty() || !seen.add(name)) {
      throw unsafe(archive, e.getName(), "appears twice (or names the root)");
    }
    requireNoLinkOnPath(name, e.getName());
    if (e.isLink()) {
      throw unsafe(archive, e.getName() + " => " + e.getLinkName(), "is a hard link");
    } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      throw unsafe(archive, e.getName(), "is a device or fifo");
    } else if (e.isSparse()) {
      // Its header size is what is stored, not what it expands to: never part of a release.
      throw unsafe(archive, e.getName(), "is a sparse file");
    } else if (e.isDirectory()) {
      directory(name, e.getName());
    } else if (e.isSymbolicLink()) {
      symlink(name, e);
    } else if (e.isFile()) {
      file(tar, name, e);
    } else {
      throw unsafe(archive, e.getName(), "is of tar type '" + (char) e.getLinkFlag() + "'");
    }
  }

  /** Never write through a link: no parent of an entry may be a link made earlier. */
  private void requireNoLinkOnPath(String name, String raw) throws UnsafeEntryException {
    for (int i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
      if (links.contains(name.substring(0, i))) {
        throw unsafe(archive, raw, "lies under the link " + name.substring(0, i)
            + " (writing through a link)");
      }
    }
  }

  private void directory(String name, String raw) throws ArchiveException {
    Path dir = root.resolve(name);
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw unsafe(archive, raw, "is a directory where the archive already put a file");
    }
    Writes.directories(archive, dir);
  }

  private void symlink(String name, TarArchiveEntry e) throws ArchiveException {
    EntryNames.checkLinkTarget(archive, name, e.getLinkName());
    Path link = freshPath(name, e.getName());
    Writes.symlink(archive, link, e.getLinkName());
    links.add(name);
  }

  private void file(TarArchiveInputStream tar, String name, TarArchiveEntry e) throws ArchiveException {
    long size = e.getSize();
    if (size > limits.maxEntryBytes()) {
      throw tooLarge(e.getName(), "is " + size + " bytes, past the limit of " + limits.maxEntryBytes());
    }
    if (size > limits.maxTotalBytes() - total) {
      throw tooLarge(e.getName(), "brings the total past the limit of " + limits.maxTotalBytes() + " bytes");
    }
    Path file = freshPath(name, e.getName());
    long written = copy(tar, file, e.getName(), Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total));
    total += written;
    Writes.executable(archive, file, e.getMode());
    files.add(new ExtractedFile(name, written));
  }

  private Path freshPath(String name, String raw) throws ArchiveException {
    Path path = root.resolve(name);
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw unsafe(archive, raw, "collides with a directory the archive already made");
    }
    Writes.directories(archive, path.getParent());
    return path;
  }

  /** Copies the entry's bytes; read failures mean a damaged archive, write failures a local problem. */
  private long copy(InputStream tar, Path file, String raw, long max) throws ArchiveException {
    byte[] buffer = new byte[64 * 1024];
    long n = 0;
    try (OutputStream out = Writes.create(archive, file)) {
      for (int r = read(tar, buffer, raw); r >= 0; r = read(tar, buffer, raw)) {
        n += r;
        if (n > max) { // the header understated the size: do not trust it past the limits
          throw tooLarge(raw, "holds more bytes than its header says, past the limits");
        }
        out.write(buffer, 0, r);
      }
    } catch (IOException e) {
      throw new ArchiveException(archive + ": cannot write " + file + ": " + e.getMessage()
          + "; check the free space and permissions there", e);
    }
    return n;
  }

  private int read(InputStream tar, byte[] buffer, String raw) throws CorruptArchiveException {
    try {
      return tar.read(buffer);
    } catch (IOException e) {
      throw corrupt(" in entry " + raw, e);
    }
  }

  private CorruptArchiveException corrupt(String where, IOException e) {
    return new CorruptArchiveException(archive + ": not a readable .tar.gz" + where + " ("
        + e.getMessage() + "); the file is truncated or not gzip: download or build it again", e);
  }

  private ArchiveTooLargeException tooLarge(String raw, String what) {
    return new ArchiveTooLargeException(archive + ": entry " + raw + " " + what + "; if the archive"
        + " is expected to be that large, raise the limit in the ExtractRequest's Limits,"
        + " otherwise do not use it");
  }
}

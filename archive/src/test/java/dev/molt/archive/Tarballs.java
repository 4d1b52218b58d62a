package dev.molt.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds .tar.gz files entry by entry, hostile ones included, the way an attacker would. */
final class Tarballs {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  private Tarballs() throws IOException {
    tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  static Tarballs tar() throws IOException {
    return new Tarballs();
  }

  Tarballs dir(String name) throws IOException {
    return put(new TarArchiveEntry(name.endsWith("/") ? name : name + "/"), new byte[0]);
  }

  Tarballs file(String name, String text) throws IOException {
    return file(name, text, 0644);
  }

  Tarballs file(String name, String text, int mode) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, true); // keeps a leading / as an attacker would
    e.setMode(mode);
    return put(e, text.getBytes(StandardCharsets.UTF_8));
  }

  Tarballs file(String name, byte[] content) throws IOException {
    return put(new TarArchiveEntry(name), content);
  }

  Tarballs symlink(String name, String target) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    return put(e, new byte[0]);
  }

  Tarballs special(String name, byte type, String linkName) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, type);
    e.setLinkName(linkName);
    return put(e, new byte[0]);
  }

  private Tarballs put(TarArchiveEntry e, byte[] content) throws IOException {
    e.setSize(content.length);
    tar.putArchiveEntry(e);
    tar.write(content);
    tar.closeArchiveEntry();
    return this;
  }

  byte[] bytes() throws IOException {
    tar.close();
    return bytes.toByteArray();
  }

  Path write(Path file) throws IOException {
    Files.write(file, bytes());
    return file;
  }

  static Path write(Path file, byte[] content) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(content);
    }
    return file;
  }
}

package dev.molt.appup.pack;

import dev.molt.appup.error.AppupException;
import dev.molt.appup.error.InvalidReleaseException;
import dev.molt.appup.input.LoadedRelease;
import dev.molt.appup.plan.Plan;
import dev.molt.format.Formats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes {@code <name>-<vsn>-upgrade.tar.gz} reproducibly: entries sorted by name, every time
 * fixed at 0, owner and group 0 with no names, modes 0644 (0755 for executables), gzip header time
 * 0. A checksum list {@code releases/<vsn>/checksums.sha256} inside covers every other entry; the
 * {@code .sha256} file beside the tarball covers the tarball. The tarball is written to a
 * temporary file and renamed, so a failure leaves nothing behind.
 */
public final class UpgradePackageWriter {
  /** The written files. */
  public record Written(Path tarball, Path checksum) {}

  private UpgradePackageWriter() {}

  public static Written write(LoadedRelease to, List<LoadedRelease> from, Plan plan, Path outDir)
      throws AppupException {
    TreeMap<String, PackageEntry> entries = PackageContents.of(to, from, plan);
    String base = to.name() + "-" + to.version() + "-upgrade.tar.gz";
    Path tarball = outDir.resolve(base);
    Path tmp = outDir.resolve("." + base + ".tmp");
    try {
      Files.createDirectories(outDir);
      Map<String, byte[]> contents = read(entries);
      String sums = to.name() + "/releases/" + to.version() + "/checksums.sha256";
      contents.put(sums, checksums(contents, to.name() + "/"));
      try (OutputStream out = Files.newOutputStream(tmp)) {
        tar(out, contents, entries);
      }
      String sha = HexFormat.of().formatHex(sha256(Files.readAllBytes(tmp)));
      Files.move(tmp, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Path checksum = outDir.resolve(base + ".sha256");
      Formats.writeAtomically(checksum, sha + "  " + base + "\n");
      return new Written(tarball, checksum);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw new InvalidReleaseException("cannot write the upgrade package " + tarball + ": "
          + e.getMessage() + "; check that " + outDir + " is writable and has space", e);
    }
  }

  private static Map<String, byte[]> read(TreeMap<String, PackageEntry> entries) throws IOException {
    Map<String, byte[]> contents = new TreeMap<>();
    for (PackageEntry e : entries.values()) {
      contents.put(e.name(), e.bytes().isPresent() ? e.bytes().get() : Files.readAllBytes(e.file().orElseThrow()));
    }
    return contents;
  }

  private static byte[] checksums(Map<String, byte[]> contents, String top) {
    StringBuilder out = new StringBuilder();
    contents.forEach((name, bytes) -> out.append(HexFormat.of().formatHex(sha256(bytes))).append("  ")
        .append(name.substring(top.length())).append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void tar(OutputStream out, Map<String, byte[]> contents, Map<String, PackageEntry> entries)
      throws IOException {
    GzipParameters gz = new GzipParameters();
    gz.setModificationTime(0);
    gz.setOperatingSystem(255); // "unknown": the same on every build machine
    try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out, gz);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (String dir : Directories.of(contents.keySet())) {
        TarArchiveEntry d = entry(dir, 0755);
        tar.putArchiveEntry(d);
        tar.closeArchiveEntry();
      }
      for (Map.Entry<String, byte[]> e : contents.entrySet()) {
        PackageEntry pe = entries.get(e.getKey());
        TarArchiveEntry t = entry(e.getKey(), pe != null && pe.executable() ? 0755 : 0644);
        t.setSize(e.getValue().length);
        tar.putArchiveEntry(t);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  private static TarArchiveEntry entry(String name, int mode) {
    TarArchiveEntry t = new TarArchiveEntry(name);
    t.setModTime(0);
    t.setUserId(0);
    t.setGroupId(0);
    t.setUserName("");
    t.setGroupName("");
    t.setMode((name.endsWith("/") ? TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 : TarArchiveEntry.DEFAULT_FILE_MODE & ~0777) | mode);
    return t;
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

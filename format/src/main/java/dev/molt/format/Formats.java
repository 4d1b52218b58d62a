package dev.molt.format;

import dev.molt.format.Fields.InvalidField;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The front door for Molt's file formats: reads them with validation (every error names the file,
 * the field and a remedy) and writes them canonically (fixed field order, two-space indent, LF,
 * trailing newline) and atomically (temporary file, fsync, rename). Thread-safe.
 *
 * <p>Reading uses {@link StrictJson}, not Jackson: the kernel reads release.json at every boot,
 * and creating Jackson's {@code ObjectMapper} cost most of the kernel's boot time. Writing (on
 * the build side) still uses Jackson, created on first use.
 */
public final class Formats {
  private Formats() {}

  /** Reads and validates {@code releases/<vsn>/release.json}. */
  public static ReleaseDescriptor readRelease(Path file) throws FormatException {
    JsonValue root = parse(file);
    try {
      return ReleaseJson.read(root);
    } catch (InvalidField e) {
      throw invalid(file, e, "rebuild the release, or fix the file by hand");
    }
  }

  /** Reads and validates {@code releases/RELEASES.json}. */
  public static ReleasesFile readReleases(Path file) throws FormatException {
    JsonValue root = parse(file);
    try {
      return ReleasesJson.read(root);
    } catch (InvalidField e) {
      throw invalid(file, e, "restore it from the release tarball or fix it by hand");
    }
  }

  /** Reads and validates {@code releases/upgrade.journal.json}. */
  public static UpgradeJournal readJournal(Path file) throws FormatException {
    JsonValue root = parse(file);
    try {
      return JournalJson.read(root);
    } catch (InvalidField e) {
      throw invalid(file, e, "the upgrade it describes cannot be recovered automatically; check"
          + " releases/RELEASES.json, then delete the journal");
    }
  }

  /** Writes the upgrade journal atomically. */
  public static void writeJournal(Path file, UpgradeJournal journal) throws IOException {
    writeAtomically(file, JournalJson.text(journal));
  }

  /** The canonical text of a release descriptor. */
  public static String toJson(ReleaseDescriptor descriptor) {
    return ReleaseTrees.text(descriptor);
  }

  /** The canonical text of a RELEASES.json file. */
  public static String toJson(ReleasesFile releases) {
    return ReleaseTrees.text(releases);
  }

  /** Writes {@code release.json} atomically. */
  public static void writeRelease(Path file, ReleaseDescriptor descriptor) throws IOException {
    writeAtomically(file, toJson(descriptor));
  }

  /** Writes {@code RELEASES.json} atomically. */
  public static void writeReleases(Path file, ReleasesFile releases) throws IOException {
    writeAtomically(file, toJson(releases));
  }

  /**
   * Replaces {@code file} with {@code text} so that a reader sees either the old or the new
   * contents, never a torn file, even across a crash: write a sibling temporary file, fsync it,
   * rename it over the target, fsync the directory.
   */
  public static void writeAtomically(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException ignored) {
      // Some file systems cannot open a directory for fsync; the rename is still atomic there.
    }
  }

  /** Reads a release file (at most {@link StrictJson#MAX_RELEASE_FILE_BYTES}). */
  static JsonValue parse(Path file) throws FormatException {
    try {
      return StrictJson.parse(file, StrictJson.MAX_RELEASE_FILE_BYTES).orElseThrow(() -> new FormatException(
          file + ": file is empty; restore it from the release tarball"));
    } catch (NoSuchFileException e) {
      throw new FormatException(file + ": file not found; is this a Molt release root?");
    } catch (JsonSyntaxException e) {
      throw new FormatException(file + ": " + e.getMessage() + "; restore it from the release tarball", e);
    } catch (IOException e) {
      throw new FormatException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static FormatException invalid(Path file, InvalidField e, String remedy) {
    return new FormatException(file + ": " + e.getMessage() + "; " + remedy, e);
  }
}

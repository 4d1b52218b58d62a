package dev.molt.archive;

/**
 * Caps on what one extraction may write, so a hostile or broken archive cannot fill the disk.
 *
 * @param maxEntryBytes the largest single file, in bytes
 * @param maxEntries the most entries of any kind (files, directories, links)
 * @param maxTotalBytes the most bytes of all files together
 */
public record Limits(long maxEntryBytes, int maxEntries, long maxTotalBytes) {
  /**
   * 512 MiB per file, 100 000 entries, 4 GiB in all: a release with its jlink image (about 50 MB
   * in under 1 000 files, the largest file {@code lib/modules}) fits many times over.
   */
  public static final Limits DEFAULTS = new Limits(512L << 20, 100_000, 4L << 30);

  public Limits {
    if (maxEntryBytes < 0 || maxEntries < 0 || maxTotalBytes < 0) {
      throw new IllegalArgumentException("limits must not be negative: " + maxEntryBytes + ", "
          + maxEntries + ", " + maxTotalBytes);
    }
  }
}

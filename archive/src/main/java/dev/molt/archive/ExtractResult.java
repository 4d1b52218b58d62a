package dev.molt.archive;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A finished extraction.
 *
 * @param target the directory now holding the archive's tree
 * @param files the regular files written, in archive order (directories and links not listed)
 */
public record ExtractResult(Path target, List<ExtractedFile> files) {
  public ExtractResult {
    Objects.requireNonNull(target, "target");
    files = List.copyOf(files);
  }

  /** The total size of the files written, in bytes. */
  public long totalBytes() {
    return files.stream().mapToLong(ExtractedFile::size).sum();
  }
}

package dev.molt.archive;

import java.util.Objects;

/**
 * One regular file written by an extraction.
 *
 * @param path its path relative to the target, with {@code /} separators
 * @param size its size in bytes
 */
public record ExtractedFile(String path, long size) {
  public ExtractedFile {
    Objects.requireNonNull(path, "path");
  }
}

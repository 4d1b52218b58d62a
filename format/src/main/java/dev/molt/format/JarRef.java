package dev.molt.format;

import java.util.Objects;

/**
 * One jar of an application or of the kernel, by file name inside its lib directory, with its
 * SHA-256 (lower-case hex).
 */
public record JarRef(String file, String sha256) {
  public JarRef {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    if (file.isEmpty() || file.contains("/") || file.contains("\\")) {
      throw new IllegalArgumentException("jar file must be a plain file name: '" + file + "'");
    }
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 of " + file + " must be 64 lower-case hex digits");
    }
  }
}

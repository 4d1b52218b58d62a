package dev.molt.archive;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to extract and where. No component may be null.
 *
 * @param archive the {@code .tar.gz} to read
 * @param target the directory to create; it must not exist yet, its parent is created if needed
 * @param limits the caps the archive must stay within
 */
public record ExtractRequest(Path archive, Path target, Limits limits) {
  public ExtractRequest {
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(limits, "limits");
    target = target.toAbsolutePath().normalize();
  }

  /** A request with {@link Limits#DEFAULTS}. */
  public static ExtractRequest of(Path archive, Path target) {
    return new ExtractRequest(archive, target, Limits.DEFAULTS);
  }
}

package dev.molt.release;

import dev.molt.format.ReleaseDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a build produced.
 *
 * @param releaseDir the assembled release root ({@code <outputDir>/rel/<name>})
 * @param tarball the archive, when the environment is not in dev mode
 * @param checksum the {@code .sha256} file beside the tarball
 * @param descriptor the release.json that was written
 * @param elapsed how long the build took
 */
public record ReleaseResult(
    Path releaseDir,
    Optional<Path> tarball,
    Optional<Path> checksum,
    ReleaseDescriptor descriptor,
    Duration elapsed) {
  public ReleaseResult {
    Objects.requireNonNull(releaseDir, "releaseDir");
    Objects.requireNonNull(tarball, "tarball");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}

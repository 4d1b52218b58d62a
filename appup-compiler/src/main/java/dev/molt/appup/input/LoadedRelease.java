package dev.molt.appup.input;

import dev.molt.archive.Trees;
import dev.molt.format.AppSpec;
import dev.molt.format.JarRef;
import dev.molt.format.ReleaseDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A release read for comparison: its root directory and its validated {@code release.json}. When
 * it came from a tarball, the root is a temporary extraction that {@link #close()} deletes.
 *
 * @param source what the user named (directory or tarball), for messages
 */
public record LoadedRelease(String source, Path root, ReleaseDescriptor descriptor,
    Optional<Path> extraction) implements AutoCloseable {

  public LoadedRelease {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(extraction, "extraction");
  }

  /** The release name. */
  public String name() {
    return descriptor.name();
  }

  /** The release version. */
  public String version() {
    return descriptor.version();
  }

  /** The jar files of an app, in the order of {@code release.json} (class path order). */
  public List<Path> jars(AppSpec app) {
    return app.jars().stream().map(JarRef::file).map(f -> root.resolve(app.dir()).resolve(f)).toList();
  }

  /** {@code releases/<vsn>/} of this release. */
  public Path releaseDir() {
    return root.resolve("releases").resolve(version());
  }

  @Override
  public void close() throws IOException {
    if (extraction.isPresent()) {
      Trees.deleteRecursively(extraction.get());
    }
  }
}

package dev.molt.e2e.support;

import dev.molt.archive.Trees;
import dev.molt.release.ReleaseBuildException;
import dev.molt.release.ReleaseResult;
import dev.molt.testsupport.node.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The book_app prod release, built once per Maven run into {@code
 * target/e2e-shared-<run>/book_app-prod/} and shared by its test JVMs ({@link SharedBuilds}).
 * Tests that start nodes work on a copy of it.
 */
public final class SharedBookRelease {
  /** The built release root and its tarball. */
  public record Built(Path releaseDir, Optional<Path> tarball) {}

  private static Built result;

  private SharedBookRelease() {}

  /** Builds the release on first use in this run. */
  public static synchronized Built get() throws ReleaseBuildException {
    if (result == null) {
      List<Path> paths;
      try {
        paths = SharedBuilds.once("book_app-prod", outputDir -> {
          ReleaseResult built = Releases.build(Fixture.bookApp(), "prod", outputDir);
          return List.of(built.releaseDir(), built.tarball().orElseThrow());
        });
      } catch (ReleaseBuildException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("cannot build book_app", e);
      }
      result = new Built(paths.get(0), Optional.of(paths.get(1)));
    }
    return result;
  }

  /** A private copy of the release root at {@code <dir>/book_app}, for one test class. */
  public static Node copyTo(Path dir) throws ReleaseBuildException {
    return new Node(Releases.copy(get().releaseDir(), dir.resolve("book_app")), "book_app");
  }

  static void deleteTree(Path dir) {
    try {
      Trees.deleteRecursively(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}

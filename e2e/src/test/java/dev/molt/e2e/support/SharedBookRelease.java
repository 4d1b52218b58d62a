package dev.molt.e2e.support;

import dev.molt.release.ReleaseBuildException;
import dev.molt.release.ReleaseResult;
import dev.molt.testsupport.node.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The book_app prod release, built once per test JVM (a jlink build takes seconds) into
 * {@code target/e2e-releases-<pid>/book_app-prod/} ({@link ForkDirs}). Tests that start nodes work on a copy of it.
 */
public final class SharedBookRelease {
  private static ReleaseResult result;

  private SharedBookRelease() {}

  /** Builds the release on first use. */
  public static synchronized ReleaseResult get() throws ReleaseBuildException {
    if (result == null) {
      Path outputDir = ForkDirs.releases("book_app-prod");
      deleteTree(outputDir);
      result = Releases.build(Fixture.bookApp(), "prod", outputDir);
    }
    return result;
  }

  /** A private copy of the release root at {@code <dir>/book_app}, for one test class. */
  public static Node copyTo(Path dir) throws ReleaseBuildException {
    return new Node(Releases.copy(get().releaseDir(), dir.resolve("book_app")), "book_app");
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}

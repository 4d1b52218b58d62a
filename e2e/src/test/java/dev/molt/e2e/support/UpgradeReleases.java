package dev.molt.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Later book_app releases for live upgrades, each built once per test JVM with its relups in
 * {@code releases/<vsn>/relup.json} (which releases they come from is said here alone), and
 * installed into a node the way an upgrade package would: its {@code releases/<vsn>/} and the
 * {@code lib/} directories the node lacks.
 */
public final class UpgradeReleases {
  private UpgradeReleases() {}

  /** book_app 0.2.0 with the relup from 0.1.0 ({@link SharedBookRelease}). */
  public static Path v020() throws Exception {
    return FixtureReleases.BOOK_APP.build("0.2.0", List.of(v010()));
  }

  /** book_app 0.3.0, with book_stats 0.1.0 beside it, and the relup from {@link #v020()}. */
  public static Path v030() throws Exception {
    return FixtureReleases.BOOK_APP.build("0.3.0", List.of(v020()), List.of(Fixture.bookStats()));
  }

  /** book_app 0.4.0 with the relup from 0.1.0 and from {@link #v030()}. */
  public static Path v040() throws Exception {
    return FixtureReleases.BOOK_APP.build("0.4.0", List.of(v010(), v030()), List.of());
  }

  private static Path v010() throws Exception {
    return SharedBookRelease.get().releaseDir();
  }

  /** Copies {@code releases/<version>/} and the lib/ directories the node lacks into the node. */
  public static void install(Path releaseRoot, String version, Path nodeRoot) {
    Releases.copy(releaseRoot.resolve("releases").resolve(version),
        nodeRoot.resolve("releases").resolve(version));
    try (Stream<Path> libs = Files.list(releaseRoot.resolve("lib"))) {
      for (Path lib : (Iterable<Path>) libs::iterator) {
        Path target = nodeRoot.resolve("lib").resolve(lib.getFileName().toString());
        if (!Files.exists(target)) {
          Releases.copy(lib, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.molt.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Later book_app releases for live upgrades, each built once per test JVM with the relup from the
 * release before it in {@code releases/<vsn>/relup.json}, and installed into a node the way an
 * upgrade package would: its {@code releases/<vsn>/} and the {@code lib/} directories the node
 * lacks.
 */
public final class UpgradeReleases {
  private UpgradeReleases() {}

  /**
   * The release root of book_app {@code version} (prod), with the relup from {@code from} (a
   * release root of the version before it).
   */
  public static Path build(String version, Path from) throws Exception {
    return FixtureReleases.BOOK_APP.build(version, List.of(from));
  }

  /**
   * The release root of book_app {@code version} (prod) with the {@code others} applications
   * beside book_app, and the relup from each of {@code from}.
   */
  public static Path build(String version, List<Path> from, List<Fixture> others)
      throws Exception {
    return FixtureReleases.BOOK_APP.build(version, from, others);
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

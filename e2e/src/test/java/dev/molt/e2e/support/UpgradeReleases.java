package dev.molt.e2e.support;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.release.AppInput;
import dev.molt.release.ReleaseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Later book_app releases for live upgrades, each built once per test JVM with the relup from the
 * release before it in {@code releases/<vsn>/relup.json}, and installed into a node the way an
 * upgrade package would: its {@code releases/<vsn>/} and the {@code lib/} directories the node
 * lacks.
 */
public final class UpgradeReleases {
  private static final Map<String, Path> BUILT = new HashMap<>();

  private UpgradeReleases() {}

  /**
   * The release root of book_app {@code version} (prod), with the relup from {@code from} (a
   * release root of the version before it).
   */
  public static synchronized Path build(String version, Path from) throws Exception {
    return build(version, List.of(from), List.of());
  }

  /**
   * The release root of book_app {@code version} (prod) with the {@code others} applications
   * beside book_app, and the relup from each of {@code from}.
   */
  public static synchronized Path build(String version, List<Path> from, List<Fixture> others)
      throws Exception {
    Path root = BUILT.get(version);
    if (root == null) {
      Path outputDir = ForkDirs.releases("book_app-" + version + "-prod");
      SharedBookRelease.deleteTree(outputDir);
      Fixture book = Fixture.bookApp(version);
      List<AppInput> apps = new ArrayList<>(book.inputs());
      for (Fixture other : others) {
        apps.addAll(other.inputs());
      }
      ReleaseResult result = Releases.build(book.artifactId(), version, book.relDir(), "prod",
          outputDir, apps, Optional.empty());
      root = result.releaseDir();
      AppupCompiler.writeRelup(AppupCompiler.plan(PlanRequest.of(from, root)),
          root.resolve("releases").resolve(version).resolve("relup.json"));
      BUILT.put(version, root);
    }
    return root;
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

package dev.molt.e2e.support;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.release.ReleaseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Path root = BUILT.get(version);
    if (root == null) {
      Path outputDir = Path.of("target/e2e-releases/book_app-" + version + "-prod")
          .toAbsolutePath();
      SharedBookRelease.deleteTree(outputDir);
      ReleaseResult result = Releases.build(Fixture.bookApp(version), "prod", outputDir);
      root = result.releaseDir();
      AppupCompiler.writeRelup(AppupCompiler.plan(PlanRequest.of(List.of(from), root)),
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

package dev.molt.e2e.support;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * plain_app releases (a class with {@code main}, no dev.molt.api), each built once per test JVM
 * (environment prod, without an embedded runtime) with the relup from the versions given in
 * {@code releases/<vsn>/relup.json}. Install one into a node with {@link UpgradeReleases#install}.
 */
public final class PlainReleases {
  private static final Map<String, Path> BUILT = new HashMap<>();

  private PlainReleases() {}

  /** The release root of plain_app {@code version}, with relups from each of {@code from}. */
  public static synchronized Path build(String version, List<Path> from) throws Exception {
    Path root = BUILT.get(version);
    if (root == null) {
      Path outputDir = ForkDirs.releases("plain_app-" + version + "-prod");
      SharedBookRelease.deleteTree(outputDir);
      Fixture app = Fixture.plainApp(version);
      root = Releases.build(app.artifactId(), version, app.relDir(), "prod", outputDir,
          app.inputs(), Optional.empty()).releaseDir();
      if (!from.isEmpty()) {
        AppupCompiler.writeRelup(AppupCompiler.plan(PlanRequest.of(from, root)),
            root.resolve("releases").resolve(version).resolve("relup.json"));
      }
      BUILT.put(version, root);
    }
    return root;
  }
}

package dev.molt.e2e.support;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.release.AppInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The releases of one versioned fixture app, each built once per Maven run (environment prod;
 * shared by its test JVMs, {@link SharedBuilds}) with the relup from the releases given in {@code
 * releases/<vsn>/relup.json}. Install one into a node with {@link UpgradeReleases#install}.
 */
public final class FixtureReleases {
  /** book_app (fixtures/book_app/&lt;version&gt;). */
  public static final FixtureReleases BOOK_APP = new FixtureReleases(Fixture::bookApp);
  /** plain_app (fixtures/plain_app/&lt;version&gt;): a class with {@code main}, no dev.molt.api. */
  public static final FixtureReleases PLAIN_APP = new FixtureReleases(Fixture::plainApp);

  private final Function<String, Fixture> fixture;
  private final Map<String, Path> built = new HashMap<>();

  private FixtureReleases(Function<String, Fixture> fixture) {
    this.fixture = fixture;
  }

  /** The release root of the app at {@code version}, with relups from each of {@code from}. */
  public Path build(String version, List<Path> from) throws Exception {
    return build(version, from, List.of());
  }

  /**
   * The release root of the app at {@code version} with the {@code others} applications beside
   * it, and the relup from each of {@code from} (none when {@code from} is empty).
   */
  public synchronized Path build(String version, List<Path> from, List<Fixture> others)
      throws Exception {
    Path root = built.get(version);
    if (root == null) {
      Fixture app = fixture.apply(version);
      root = SharedBuilds.once(app.artifactId() + "-" + version + "-prod", outputDir -> {
        List<AppInput> apps = new ArrayList<>(app.inputs());
        for (Fixture other : others) {
          apps.addAll(other.inputs());
        }
        Path releaseDir = Releases.build(app.artifactId(), version, app.relDir(), "prod",
            outputDir, apps, Optional.empty()).releaseDir();
        if (!from.isEmpty()) {
          AppupCompiler.writeRelup(AppupCompiler.plan(PlanRequest.of(from, releaseDir)),
              releaseDir.resolve("releases").resolve(version).resolve("relup.json"));
        }
        return List.of(releaseDir);
      }).get(0);
      built.put(version, root);
    }
    return root;
  }
}

package dev.molt.e2e.support;

import dev.molt.release.AppInput;
import dev.molt.release.MavenTreeInputs;
import dev.molt.release.ReleaseBuildException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A fixture module built by the reactor before this one: its jar and the release inputs its
 * {@code package} phase wrote to {@code target/molt-inputs/} (runtime jars and {@code deps.tgf}).
 *
 * @param moduleDir the fixture's Maven module folder
 * @param artifactId its artifactId (the app name)
 * @param version its version
 * @param entryClass the entry point class, when the app has one
 */
public record Fixture(
    Path moduleDir, String artifactId, String version, Optional<String> entryClass) {

  /** The folder of all fixtures ({@code -Dmolt.fixtures}, by default {@code ../fixtures}). */
  public static Path root() {
    return Path.of(System.getProperty("molt.fixtures", "../fixtures")).toAbsolutePath().normalize();
  }

  public static Fixture bookApp() {
    return bookApp("0.1.0");
  }

  /** book_app at {@code version} (fixtures/book_app/&lt;version&gt;). */
  public static Fixture bookApp(String version) {
    return new Fixture(root().resolve("book_app/" + version), "book_app", version,
        Optional.of("dev.molt.fixtures.book.BookApp"));
  }

  /** book_stats 0.1.0, the small app book_app 0.3.0 brings along. */
  public static Fixture bookStats() {
    return new Fixture(root().resolve("book_stats/0.1.0"), "book_stats", "0.1.0",
        Optional.of("dev.molt.fixtures.stats.StatsApp"));
  }

  /** leaky 1.0.0 (leaks its loader through a thread it never stops) or 2.0.0 (fixed). */
  public static Fixture leaky(String version) {
    return new Fixture(root().resolve("leaky/" + version), "leaky", version,
        Optional.of("dev.molt.fixtures.leaky.LeakyApp"));
  }

  /** app-a or app-b of the isolation fixture (entry classes ...isolation.a.AppA, ...b.AppB). */
  public static Fixture isolationApp(String artifactId) {
    String letter = artifactId.substring(artifactId.indexOf('-') + 1);
    String entry = "dev.molt.fixtures.isolation." + letter + ".App"
        + letter.toUpperCase(Locale.ROOT);
    return new Fixture(root().resolve("isolation/" + artifactId), artifactId, "1.0.0",
        Optional.of(entry));
  }

  /** plain_app at {@code version} (fixtures/plain_app/&lt;version&gt;): a class with main only. */
  public static Fixture plainApp(String version) {
    return new Fixture(root().resolve("plain_app/" + version), "plain_app", version,
        Optional.of("dev.molt.fixtures.plain.PlainMain"));
  }

  public Path jar() {
    return moduleDir.resolve("target").resolve(artifactId + "-" + version + ".jar");
  }

  public Path relDir() {
    return moduleDir.resolve("rel");
  }

  public Path libDir() {
    return moduleDir.resolve("target/molt-inputs/lib");
  }

  public Path tgf() {
    return moduleDir.resolve("target/molt-inputs/deps.tgf");
  }

  /** The apps and libraries of this fixture, read from its Maven outputs. */
  public List<AppInput> inputs() throws ReleaseBuildException {
    requireBuilt();
    return MavenTreeInputs.read(tgf(), libDir(), jar(), entryClass);
  }

  /** Fails with the command to run when the reactor has not packaged this fixture. */
  public void requireBuilt() {
    if (!Files.isRegularFile(jar()) || !Files.isRegularFile(tgf())) {
      throw new AssertionError(jar() + " or " + tgf() + " is missing; build the fixtures first: "
          + "mvn -B -f fixtures/pom.xml package");
    }
  }
}

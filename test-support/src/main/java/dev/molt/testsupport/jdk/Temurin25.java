package dev.molt.testsupport.jdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The second JDK that tests link a runtime from or run on: Temurin 25. One switch for every module,
 * the system property {@code molt.temurin25} ({@code mvn -Dmolt.temurin25=<jdk home>}: Surefire
 * and Failsafe hand Maven's user properties to the tests). Without it, the Adoptium package's
 * standard path is used when it exists. A test that needs the JDK is skipped, saying why, when
 * neither is there; it fails when the property names something that is not a Temurin 25 JDK, so a
 * switch given on purpose never turns into a silent skip.
 */
public final class Temurin25 {
  /** The system property that names the JDK home. */
  public static final String PROPERTY = "molt.temurin25";
  /** Where Debian's temurin-25-jdk package installs it. */
  public static final Path STANDARD_PATH = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  private Temurin25() {}

  /**
   * The JDK home: {@code -Dmolt.temurin25}, else {@link #STANDARD_PATH}. Aborts the calling test
   * (a skip, with the reason) when neither is given nor installed; throws {@link AssertionError}
   * when the given or standard path is not a Temurin 25 JDK.
   */
  public static Path home() {
    String given = System.getProperty(PROPERTY, "").strip();
    if (!given.isEmpty()) {
      return checked(Path.of(given), "-D" + PROPERTY + "=" + given);
    }
    Assumptions.assumeTrue(Files.exists(STANDARD_PATH), () -> "no Temurin 25 JDK at "
        + STANDARD_PATH + " and no -D" + PROPERTY + "=<jdk home>; install temurin-25-jdk or"
        + " pass the property");
    return checked(STANDARD_PATH, STANDARD_PATH.toString());
  }

  private static Path checked(Path jdk, String what) {
    problem(jdk).ifPresent(p -> {
      throw new AssertionError(what + " " + p + "; point -D" + PROPERTY
          + " at a Temurin 25 JDK home, or leave it out to use " + STANDARD_PATH);
    });
    return jdk.toAbsolutePath();
  }

  static Optional<String> problem(Path jdk) {
    if (!Files.isExecutable(jdk.resolve("bin/jlink"))) {
      return Optional.of("is not a JDK home (no executable bin/jlink)");
    }
    String version = javaVersion(jdk);
    return version.startsWith("25") ? Optional.empty()
        : Optional.of("is Java '" + version + "', not 25 (JAVA_VERSION in its release file)");
  }

  private static String javaVersion(Path jdk) {
    try {
      return Files.readAllLines(jdk.resolve("release")).stream()
          .filter(line -> line.startsWith("JAVA_VERSION="))
          .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
          .findFirst().orElse("unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jdk.resolve("release"), e);
    }
  }
}

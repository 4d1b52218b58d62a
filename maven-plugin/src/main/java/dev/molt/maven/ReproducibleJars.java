package dev.molt.maven;

import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Warns when the project's own jar would make two builds of the same sources give different
 * release tarballs: no {@code project.build.outputTimestamp}, or entries stamped with more than
 * one time. Dependencies come from repositories as fixed bytes and are not checked.
 */
final class ReproducibleJars {
  private ReproducibleJars() {}

  /** The warning for the project's jar, if it needs one. */
  static Optional<String> warning(MavenProject project) {
    File jar = project.getArtifact().getFile();
    if (jar == null || !jar.getName().endsWith(".jar") || !jar.isFile()) {
      return Optional.empty();
    }
    if (!project.getProperties().containsKey(PomTimestamp.PROPERTY)) {
      return Optional.of(jar.getName() + " is not reproducible: " + PomTimestamp.PROPERTY
          + " is not set, so its entries carry the build time and two builds of the same sources"
          + " give different release tarballs; add " + PomTimestamp.line(Instant.now())
          + " to <properties> of " + project.getFile().getName() + " (mvn molt:init does it)");
    }
    int times = distinctEntryTimes(jar);
    if (times > 1) {
      return Optional.of(jar.getName() + " is not reproducible: its entries carry " + times
          + " different times although " + PomTimestamp.PROPERTY + " is set; check which plugin"
          + " writes the jar (maven-jar-plugin 3.2.0 and later honour the property)");
    }
    return Optional.empty();
  }

  /** Logs the warning, if any. */
  static void check(MavenProject project, Log log) {
    warning(project).ifPresent(log::warn);
  }

  /**
   * The entries' times, counted in the 2-second steps of a zip's DOS time: an entry with an
   * extended timestamp keeps an odd second of outputTimestamp that the others round down (Spring
   * Boot's repackaged jar mixes both), and that is one time, not two.
   */
  private static int distinctEntryTimes(File jar) {
    Set<Long> times = new HashSet<>();
    try (ZipFile zip = new ZipFile(jar)) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        times.add(Math.floorDiv(e.nextElement().getTime(), 2000L));
      }
    } catch (IOException e) {
      return 0; // the release build reads the jar next and reports a broken one with its own error
    }
    return times.size();
  }
}

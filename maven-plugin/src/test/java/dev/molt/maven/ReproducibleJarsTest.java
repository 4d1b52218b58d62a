package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warning of molt:release about the project's own jar, beside ReproducibleReleaseIT (which
 * builds real projects): a property that is set but not honoured by the jar's writer, and one
 * time written two ways (DOS time and extended timestamp) that is not two times.
 */
class ReproducibleJarsTest {
  /** An odd second, as mvn molt:init may write: a DOS time cannot hold it (2 s steps). */
  static final Instant ODD_SECOND = Instant.parse("2026-12-07T20:02:11Z");

  @TempDir Path dir;

  @Test
  void warning_oneTimeAsDosTimeAndAsExtendedTimestamp_isNone() throws Exception {
    // Spring Boot's repackaged jar: most entries in DOS time (20:02:10), a few with an extended
    // timestamp (20:02:11), all from the one outputTimestamp.
    Path jar = jar(entry("a/A.class", false, ODD_SECOND), entry("b/B.class", true, ODD_SECOND));

    assertThat(ReproducibleJars.warning(project(jar))).isEmpty();
  }

  @Test
  void warning_propertySetButEntriesWithSeveralTimes_namesTheJarAndThePlugin() throws Exception {
    Path jar = jar(entry("a/A.class", false, ODD_SECOND),
        entry("b/B.class", true, ODD_SECOND.plusSeconds(60)));

    assertThat(ReproducibleJars.warning(project(jar))).hasValueSatisfying(w -> assertThat(w)
        .contains("app-1.0.jar is not reproducible: its entries carry 2 different times although "
            + "project.build.outputTimestamp is set", "maven-jar-plugin 3.2.0 and later"));
  }

  @Test
  void warning_propertySetAndOneTime_none() throws Exception {
    Path jar = jar(entry("a/A.class", false, ODD_SECOND.plusSeconds(1)),
        entry("b/B.class", false, ODD_SECOND.plusSeconds(1)));

    assertThat(ReproducibleJars.warning(project(jar))).isEmpty();
  }

  private static ZipEntry entry(String name, boolean extended, Instant time) {
    ZipEntry e = new ZipEntry(name);
    if (extended) {
      e.setLastModifiedTime(FileTime.from(time));
    } else {
      e.setTime(time.toEpochMilli());
    }
    return e;
  }

  private Path jar(ZipEntry... entries) throws IOException {
    Path jar = dir.resolve("app-1.0.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      for (ZipEntry e : entries) {
        j.putNextEntry(e);
        j.closeEntry();
      }
    }
    return jar;
  }

  private MavenProject project(Path jar) {
    MavenProject project = new MavenProject();
    project.getBuild().setDirectory(dir.toString());
    project.getProperties().setProperty("project.build.outputTimestamp", ODD_SECOND.toString());
    project.setFile(dir.resolve("pom.xml").toFile());
    DefaultArtifact artifact = new DefaultArtifact("com.example", "app", "1.0", "compile", "jar",
        null, new DefaultArtifactHandler("jar"));
    artifact.setFile(jar.toFile());
    project.setArtifact(artifact);
    return project;
  }
}

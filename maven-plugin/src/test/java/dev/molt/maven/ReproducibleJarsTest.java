package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warning of molt:release about the project's own jar, beside ReproducibleReleaseIT (which
 * builds real projects): the case of a property that is set but not honoured by the jar's writer.
 */
class ReproducibleJarsTest {
  @TempDir Path dir;

  @Test
  void warning_propertySetButEntriesWithSeveralTimes_namesTheJarAndThePlugin() throws Exception {
    MavenProject project = project(jar("app-1.0.0.jar", 1_700_000_000_000L, 1_800_000_000_000L));
    project.getProperties().setProperty(PomTimestamp.PROPERTY, "2026-11-30T06:10:00Z");

    assertThat(ReproducibleJars.warning(project)).hasValueSatisfying(w -> assertThat(w)
        .contains("app-1.0.0.jar is not reproducible: its entries carry 2 different times although "
            + "project.build.outputTimestamp is set", "maven-jar-plugin 3.2.0 and later"));
  }

  @Test
  void warning_propertySetAndOneTime_none() throws Exception {
    MavenProject project = project(jar("app-1.0.0.jar", 1_700_000_000_000L, 1_700_000_000_000L));
    project.getProperties().setProperty(PomTimestamp.PROPERTY, "2026-11-30T06:10:00Z");

    assertThat(ReproducibleJars.warning(project)).isEmpty();
  }

  private Path jar(String name, long first, long second) throws Exception {
    Path jar = dir.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      JarEntry a = new JarEntry("a.txt");
      a.setTime(first);
      out.putNextEntry(a);
      out.write('a');
      JarEntry b = new JarEntry("b.txt");
      b.setTime(second);
      out.putNextEntry(b);
      out.write('b');
    }
    return jar;
  }

  private MavenProject project(Path jar) {
    Model model = new Model();
    model.setGroupId("g");
    model.setArtifactId("app");
    model.setVersion("1.0.0");
    MavenProject project = new MavenProject(model);
    project.setFile(new File(dir.toFile(), "pom.xml"));
    Artifact main = new DefaultArtifact("g", "app", "1.0.0", null, "jar", null, new DefaultArtifactHandler("jar"));
    main.setFile(jar.toFile());
    project.setArtifact(main);
    return project;
  }
}

package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.artifact.Artifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpfromResolverTest {

  @Test
  void resolve_blankUpfrom_failsNamingTheParameterAndTheFix(@TempDir Path dir) {
    assertThatThrownBy(() -> resolver(dir).resolve(" , ", "molt:plan"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("molt.upfrom is not set: molt:plan needs at least one earlier release")
        .hasMessageContaining("-Dmolt.upfrom=<tarball|directory|groupId:artifactId:version>");
  }

  @Test
  void resolve_existingFilesAndDirectories_areTakenRelativeToTheProject(@TempDir Path dir)
      throws Exception {
    Files.createDirectories(dir.resolve("prev/0.1.0/shelf"));
    Files.writeString(dir.resolve("prev/shelf-0.2.0.tar.gz"), "x");

    assertThat(resolver(dir).resolve("prev/0.1.0/shelf, prev/shelf-0.2.0.tar.gz", "molt:plan"))
        .containsExactly(dir.resolve("prev/0.1.0/shelf"), dir.resolve("prev/shelf-0.2.0.tar.gz"));
  }

  @Test
  void resolve_missingPathThatIsNoCoordinates_failsNamingTheEntry(@TempDir Path dir) {
    assertThatThrownBy(() -> resolver(dir).resolve("prev/gone.tar.gz", "molt:plan"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("prev/gone.tar.gz is neither an existing file or directory");
  }

  @Test
  void artifact_threePartCoordinates_meanTheReleaseTarball() throws Exception {
    Artifact a = UpfromResolver.artifact("com.example:shop:1.2.0");

    assertThat(a.getExtension()).isEqualTo("tar.gz");
    assertThat(a.getClassifier()).isEqualTo("release");
    assertThat(a.getVersion()).isEqualTo("1.2.0");
  }

  @Test
  void artifact_fullCoordinates_areTakenAsGiven() throws Exception {
    Artifact a = UpfromResolver.artifact("com.example:shop:zip:dist:1.2.0");

    assertThat(a.getExtension()).isEqualTo("zip");
    assertThat(a.getClassifier()).isEqualTo("dist");
  }

  @Test
  void artifact_emptyPart_failsShowingTheForms() {
    assertThatThrownBy(() -> UpfromResolver.artifact("com.example::1.2.0"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("groupId:artifactId:version");
  }

  private static UpfromResolver resolver(Path dir) {
    Model model = new Model();
    model.setArtifactId("shelf");
    MavenProject project = new MavenProject(model);
    project.setFile(dir.resolve("pom.xml").toFile());
    // No resolution happens in these cases: session and repository system are never used.
    return new UpfromResolver(project, null, null, new SystemStreamLog());
  }
}

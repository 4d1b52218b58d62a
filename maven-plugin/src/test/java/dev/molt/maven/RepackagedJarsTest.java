package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepackagedJarsTest {
  @TempDir Path target;

  @Test
  void plain_plainJar_returnsTheProjectAndTheConfiguredMainClass() throws Exception {
    MavenProject project = project(jar("app-1.0.jar", Map.of()));

    RepackagedJars.Source source = RepackagedJars.plain(project, Optional.empty(), new SystemStreamLog());

    assertThat(source.project()).isSameAs(project);
    assertThat(source.mainClass()).isEmpty();
  }

  @Test
  void plain_springBootFatJar_usesCopyOfOriginal_startClassAsMain_leavesProjectAlone() throws Exception {
    Path fat = jar("app-1.0.jar", Map.of("Spring-Boot-Classes", "BOOT-INF/classes/",
        "Start-Class", "com.example.App"));
    Files.writeString(target.resolve("app-1.0.jar.original"), "plain");
    MavenProject project = project(fat);

    RepackagedJars.Source source = RepackagedJars.plain(project, Optional.empty(), new SystemStreamLog());

    Path used = source.project().getArtifact().getFile().toPath();
    assertThat(used).isEqualTo(target.resolve("molt-plain/app-1.0.jar")).hasContent("plain");
    assertThat(source.mainClass()).contains("com.example.App");
    assertThat(project.getArtifact().getFile().toPath()).isEqualTo(fat);
    assertThat(RepackagedJars.plain(project, Optional.of("com.example.Other"),
        new SystemStreamLog()).mainClass()).contains("com.example.Other");
  }

  @Test
  void plain_springBootFatJarWithoutOriginal_failsNamingTheFix() throws Exception {
    MavenProject project = project(jar("app-1.0.jar", Map.of("Spring-Boot-Classes", "BOOT-INF/classes/")));

    assertThatThrownBy(() -> RepackagedJars.plain(project, Optional.empty(), new SystemStreamLog()))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("app-1.0.jar.original")
        .hasMessageContaining("mvn package molt:release")
        .hasMessageContaining("<classifier>exec</classifier>");
  }

  private Path jar(String name, Map<String, String> attributes) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
    Path jar = target.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      jarOut.finish(); // a manifest is all these tests read
    }
    return jar;
  }

  private MavenProject project(Path jar) {
    MavenProject project = new MavenProject();
    project.getBuild().setDirectory(target.toString());
    DefaultArtifact artifact = new DefaultArtifact("com.example", "app", "1.0", "compile", "jar",
        null, new DefaultArtifactHandler("jar"));
    artifact.setFile(jar.toFile());
    project.setArtifact(artifact);
    return project;
  }
}

package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class InitMojoTest {

  @Test
  void nextStep_pluginWithoutExecution_namesTheGoalOnTheCommandLineAndHowToBindIt() {
    MavenProject project = project(plugin());

    assertThat(InitMojo.nextStep(project))
        .startsWith("mvn package molt:release (dev), or mvn package molt:release -Dmolt.env=prod")
        .contains("<goal>release</goal>", "pom.xml");
  }

  @Test
  void nextStep_releaseBoundToTheLifecycle_isMvnPackage() {
    PluginExecution execution = new PluginExecution();
    execution.setGoals(List.of("release"));
    Plugin plugin = plugin();
    plugin.addExecution(execution);

    assertThat(InitMojo.nextStep(project(plugin)))
        .isEqualTo("mvn package (dev), or mvn package -Dmolt.env=prod (prod: embedded runtime and tarball)");
  }

  private static Plugin plugin() {
    Plugin plugin = new Plugin();
    plugin.setGroupId("dev.molt");
    plugin.setArtifactId("molt-maven-plugin");
    return plugin;
  }

  private static MavenProject project(Plugin plugin) {
    MavenProject project = new MavenProject();
    project.getBuild().addPlugin(plugin);
    project.setFile(new File("pom.xml"));
    return project;
  }
}

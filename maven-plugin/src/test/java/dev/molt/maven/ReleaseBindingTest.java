package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class ReleaseBindingTest {

  @Test
  void prodBuild_pluginWithoutExecution_namesTheGoal() {
    assertThat(ReleaseBinding.prodBuild(project(plugin(null))))
        .isEqualTo("mvn package molt:release -Dmolt.env=prod");
  }

  @Test
  void prodBuild_releaseBound_isMvnPackage() {
    assertThat(ReleaseBinding.prodBuild(project(plugin(execution("release", null)))))
        .isEqualTo("mvn package -Dmolt.env=prod");
  }

  @Test
  void bound_executionInPhaseNoneOrOfAnotherGoal_isNotBound() {
    assertThat(ReleaseBinding.bound(project(plugin(execution("release", "none"))))).isFalse();
    assertThat(ReleaseBinding.bound(project(plugin(execution("upgrade-package", null))))).isFalse();
  }

  static PluginExecution execution(String goal, String phase) {
    PluginExecution execution = new PluginExecution();
    execution.setGoals(List.of(goal));
    execution.setPhase(phase);
    return execution;
  }

  static Plugin plugin(PluginExecution execution) {
    Plugin plugin = new Plugin();
    plugin.setGroupId("dev.molt");
    plugin.setArtifactId("molt-maven-plugin");
    if (execution != null) {
      plugin.addExecution(execution);
    }
    return plugin;
  }

  static MavenProject project(Plugin plugin) {
    MavenProject project = new MavenProject();
    project.getBuild().addPlugin(plugin);
    return project;
  }
}

package dev.molt.maven;

import org.apache.maven.project.MavenProject;

/**
 * Whether the pom binds {@code molt:release} to the lifecycle, and so which command builds the
 * release: {@code mvn package} alone builds one only when an execution of the plugin has the goal
 * {@code release}; otherwise the goal is named on the command line. Messages that tell the user
 * what to run next use it, so they never say {@code mvn package} to a pom where that builds no
 * release.
 */
final class ReleaseBinding {
  static final String PLUGIN_KEY = "dev.molt:molt-maven-plugin";

  private ReleaseBinding() {}

  static boolean bound(MavenProject project) {
    return project.getBuildPlugins().stream()
        .filter(p -> PLUGIN_KEY.equals(p.getKey()))
        .flatMap(p -> p.getExecutions().stream())
        .anyMatch(e -> e.getGoals().contains("release") && !"none".equals(e.getPhase()));
  }

  /** {@code mvn package[ molt:release] -Dmolt.env=prod}, as this pom needs. */
  static String prodBuild(MavenProject project) {
    return bound(project) ? "mvn package -Dmolt.env=prod" : "mvn package molt:release -Dmolt.env=prod";
  }
}

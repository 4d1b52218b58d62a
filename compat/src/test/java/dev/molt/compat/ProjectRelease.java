package dev.molt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.testsupport.maven.SampleProject;
import dev.molt.testsupport.maven.SampleProject.Build;
import dev.molt.testsupport.node.Node;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One project of {@code projects/} built into a prod release the way its user would: {@code mvn
 * molt:init} once, then {@code mvn package molt:release -Dmolt.env=prod}.
 */
final class ProjectRelease {
  private ProjectRelease() {}

  /** Builds {@code projects/<name>/} in {@code work}; the release is {@code target/rel/<name>/}. */
  static Node build(String name, Path work) throws IOException, InterruptedException {
    SampleProject project = SampleProject.copy(name, work);
    mvnOk(project, "molt:init");
    mvnOk(project, "package", "molt:release", "-Dmolt.env=prod");
    return new Node(project.dir().resolve("target/rel/" + name), name);
  }

  /** Runs {@code mvn args} and asserts it succeeds. */
  static Build mvnOk(SampleProject project, String... args) throws IOException, InterruptedException {
    Build build = project.mvn(args);
    assertThat(build.exitCode()).as("%s", build).isZero();
    return build;
  }
}

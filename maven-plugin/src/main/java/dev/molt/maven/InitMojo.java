package dev.molt.maven;

import dev.molt.release.InitResult;
import dev.molt.release.ReleaseBuildException;
import dev.molt.release.ReleaseBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProject;

/**
 * {@code molt:init} writes a {@code rel/} folder to edit and commit: molt.json (name, version,
 * environments dev and prod), jvm.options, config.json, and hooks/, commands/ and trusted-keys/
 * (public keys whose signatures on upgrade packages the release accepts) with a README each. Existing files are never overwritten; each file is logged as written or kept. Maven
 * creates one instance per execution.
 */
@Mojo(name = "init", threadSafe = true)
public class InitMojo extends AbstractMoltMojo {

  @Override
  public void execute() throws MojoFailureException {
    Path relDir = relDirectory.toPath();
    String releaseName = releaseName();
    InitResult result;
    try {
      result = new ReleaseBuilder(getLog()::info).init(relDir, releaseName);
    } catch (ReleaseBuildException e) {
      throw new MojoFailureException(e.getMessage());
    }
    Path base = project.getBasedir().toPath();
    for (Path written : result.written()) {
      getLog().info("wrote " + base.relativize(written.toAbsolutePath()));
    }
    for (Path kept : result.kept()) {
      getLog().info("kept  " + base.relativize(kept.toAbsolutePath()) + " (exists, not overwritten)");
    }
    outputTimestamp();
    getLog().info(
        "Release '" + releaseName + "' configured in " + base.relativize(relDir.toAbsolutePath())
            + "/; edit it, commit it, then run: " + nextStep(project));
  }

  /**
   * The build command for this pom: {@code mvn package} builds a release only when the pom binds
   * {@code molt:release} to the lifecycle (an execution with that goal); without one, the goal
   * is named on the command line, as docs/compatibility.md does.
   */
  static String nextStep(MavenProject project) {
    if (ReleaseBinding.bound(project)) {
      return "mvn package (dev), or mvn package -Dmolt.env=prod (prod: embedded runtime and tarball)";
    }
    return "mvn package molt:release (dev), or mvn package molt:release -Dmolt.env=prod (prod:"
        + " embedded runtime and tarball); to build the release at every mvn package, add"
        + " <executions><execution><goals><goal>release</goal></goals></execution></executions>"
        + " to the plugin in " + project.getFile().getName();
  }

  /**
   * Fixes the jar's entry times, the one input of a release that changes from build to build:
   * one line added to the pom's own {@code <properties>}, or printed when the pom has none.
   */
  private void outputTimestamp() throws MojoFailureException {
    if (project.getProperties().containsKey(PomTimestamp.PROPERTY)) {
      getLog().info("kept  " + PomTimestamp.PROPERTY + " (set in the pom or its parent)");
      return;
    }
    String line = PomTimestamp.line(Instant.now());
    Path pom = project.getFile().toPath();
    try {
      if (PomTimestamp.addTo(pom, line)) {
        getLog().info("added " + line + " to <properties> of " + pom.getFileName()
            + ": reproducible jars, so two builds give byte-identical release tarballs");
        return;
      }
    } catch (IOException e) {
      throw new MojoFailureException("cannot edit " + pom + ": " + e.getMessage()
          + "; add " + line + " to its <properties> yourself");
    }
    getLog().warn(pom.getFileName() + " has no <properties> element molt:init can extend safely;"
        + " add this line to the project's <properties> for reproducible releases: " + line);
  }
}

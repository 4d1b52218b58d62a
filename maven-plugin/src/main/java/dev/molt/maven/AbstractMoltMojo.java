package dev.molt.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every Molt goal shares: the project and its {@code rel/} folder. The later goals ({@code
 * molt:appup}, {@code molt:plan}, {@code molt:upgrade-package}) extend this class too.
 */
abstract class AbstractMoltMojo extends AbstractMojo {

  /** The project the goal runs on. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The release configuration folder: molt.json, jvm.options, config.json, hooks/, commands/. */
  @Parameter(property = "molt.relDirectory", defaultValue = "${basedir}/rel", required = true)
  File relDirectory;

  /**
   * The release name. Defaults to the {@code name} of {@code rel/molt.json}, else the project's
   * artifactId.
   */
  @Parameter(property = "molt.name")
  String name;

  /** The release name as documented on {@link #name}. */
  String releaseName() {
    if (name != null && !name.isBlank()) {
      return name;
    }
    return MoltJson.declaredName(relDirectory.toPath()).orElse(project.getArtifactId());
  }
}

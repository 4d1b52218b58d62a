package dev.molt.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Turns {@code molt.upfrom} into release paths. Each comma-separated entry is a path (relative to
 * the project's folder) when such a file or directory exists, else Maven coordinates of a release
 * tarball: {@code groupId:artifactId:version} means type {@code tar.gz}, classifier {@code release}
 * (what {@code molt:release} attaches); {@code groupId:artifactId:extension[:classifier]:version}
 * names another artifact.
 */
final class UpfromResolver {
  /** The type (extension) of the release tarball that molt:release attaches. */
  static final String TARBALL_TYPE = "tar.gz";
  /** The classifier of the release tarball that molt:release attaches. */
  static final String TARBALL_CLASSIFIER = "release";

  private static final Pattern COORDINATES = Pattern.compile("[^:/\\\\\\s]+(:[^:/\\\\\\s]*){2,4}");

  private final MavenProject project;
  private final MavenSession session;
  private final RepositorySystem repositories;
  private final Log log;

  UpfromResolver(MavenProject project, MavenSession session, RepositorySystem repositories, Log log) {
    this.project = project;
    this.session = session;
    this.repositories = repositories;
    this.log = log;
  }

  /** The earlier releases named by {@code upfrom}; at least one, else the build fails. */
  List<Path> resolve(String upfrom, String goal) throws MojoFailureException {
    List<String> entries = upfrom == null ? List.of()
        : List.of(upfrom.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (entries.isEmpty()) {
      throw new MojoFailureException("molt.upfrom is not set: " + goal + " needs at least one earlier "
          + "release to upgrade from; pass -Dmolt.upfrom=<tarball|directory|groupId:artifactId:version>"
          + "[,...] (or <upfrom> in the plugin's configuration), e.g. "
          + "-Dmolt.upfrom=prev/" + project.getArtifactId() + "-0.1.0.tar.gz");
    }
    List<Path> paths = new ArrayList<>();
    for (String entry : entries) {
      paths.add(resolveOne(entry));
    }
    return paths;
  }

  private Path resolveOne(String entry) throws MojoFailureException {
    Path path = project.getBasedir().toPath().resolve(entry);
    if (Files.exists(path)) {
      return path;
    }
    if (!COORDINATES.matcher(entry).matches()) {
      throw new MojoFailureException("molt.upfrom: " + entry + " is neither an existing file or "
          + "directory (looked at " + path + ") nor groupId:artifactId:version; pass an earlier "
          + "release's tarball, its root directory, or the coordinates of its tarball artifact");
    }
    Artifact artifact = artifact(entry);
    ArtifactRequest request = new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null);
    try {
      Path file = repositories.resolveArtifact(session.getRepositorySession(), request)
          .getArtifact().getFile().toPath();
      log.info("Earlier release " + entry + ": " + file);
      return file;
    } catch (ArtifactResolutionException | IllegalArgumentException e) {
      throw new MojoFailureException("molt.upfrom: cannot resolve " + artifact + " from the Maven "
          + "repositories (" + e.getMessage() + "); check the coordinates, publish that version with "
          + "mvn install/deploy -Dmolt.env=prod (molt:release attaches its tarball as type "
          + TARBALL_TYPE + ", classifier " + TARBALL_CLASSIFIER + "), or pass the tarball's path");
    }
  }

  static Artifact artifact(String entry) throws MojoFailureException {
    String[] parts = entry.split(":", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        throw new MojoFailureException("molt.upfrom: " + entry + " has an empty part; write "
            + "groupId:artifactId:version or groupId:artifactId:extension[:classifier]:version");
      }
    }
    if (parts.length == 3) {
      return new DefaultArtifact(parts[0], parts[1], TARBALL_CLASSIFIER, TARBALL_TYPE, parts[2]);
    }
    return new DefaultArtifact(entry);
  }
}

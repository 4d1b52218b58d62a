package dev.molt.maven;

import dev.molt.format.EntryPoint;
import dev.molt.release.AppInput;
import dev.molt.release.EntryPoints;
import dev.molt.release.ReleaseBuildException;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Turns the project into the apps of a release: its own jar is the main app, and every runtime
 * dependency is a library app with its own version (named by its artifactId, with
 * {@code -<classifier>} for a classified jar); {@code dev.molt:molt-api} is left out because
 * the kernel provides it. The main app's class path lists the libraries in the order Maven puts
 * them on a class path ({@code MavenProject#getArtifacts}), so its class loader finds what
 * {@code java -cp} would, in the same order.
 */
final class ProjectApps {
  static final String API_KEY = "dev.molt:molt-api";
  private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

  private final MavenProject project;
  private final Log log;

  ProjectApps(MavenProject project, Log log) {
    this.project = project;
    this.log = log;
  }

  /**
   * @param mainClass the configured entry class, if any
   * @param edges direct edges by {@code groupId:artifactId}, from {@link DependencyEdges}
   */
  List<AppInput> apps(Optional<String> mainClass, Map<String, Set<String>> edges)
      throws MojoFailureException, ReleaseBuildException {
    Map<String, String> nameByKey = new HashMap<>();
    Map<String, String> keyByName = new HashMap<>();
    List<Artifact> libraries = libraries();
    String mainKey = DependencyEdges.key(project.getGroupId(), project.getArtifactId());
    nameByKey.put(mainKey, project.getArtifactId());
    keyByName.put(project.getArtifactId(), mainKey);
    for (Artifact library : libraries) {
      String key = DependencyEdges.key(library.getGroupId(), library.getArtifactId());
      String id = key + classifier(library).map(c -> ":" + c).orElse("");
      String other = keyByName.putIfAbsent(name(library), id);
      if (other != null) {
        throw new MojoFailureException("both " + other + " and " + id + " would be app '"
            + name(library) + "' in the release of " + project.getId()
            + "; exclude one of them from the dependencies");
      }
      // Edges name artifacts by groupId:artifactId: they reach the first jar of it on the class
      // path (Maven resolves each classifier of an artifact on its own, at its own version).
      nameByKey.putIfAbsent(key, name(library));
    }
    List<AppInput> apps = new ArrayList<>();
    File mainJar = mainJar();
    List<Path> classPathJars = new ArrayList<>(List.of(mainJar.toPath()));
    List<String> classPath = new ArrayList<>();
    for (Artifact library : libraries) {
      classPathJars.add(library.getFile().toPath());
      classPath.add(name(library));
    }
    EntryPoint entry = EntryPoints.detect(classPathJars, mainClass);
    apps.add(new AppInput(project.getArtifactId(), project.getVersion(),
        Optional.of(project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion()),
        List.of(mainJar.toPath()), dependsOn(mainKey, edges, nameByKey), classPath,
        Optional.of(entry)));
    for (Artifact library : libraries) {
      String key = DependencyEdges.key(library.getGroupId(), library.getArtifactId());
      apps.add(new AppInput(name(library), library.getBaseVersion(),
          Optional.of(key + ":" + library.getBaseVersion()), List.of(library.getFile().toPath()),
          dependsOn(key, edges, nameByKey), Optional.empty()));
    }
    return apps;
  }

  /** A library's app name: its artifactId, then {@code -<classifier>} for a classified jar. */
  static String name(Artifact library) {
    return library.getArtifactId() + classifier(library).map(c -> "-" + c).orElse("");
  }

  private static Optional<String> classifier(Artifact artifact) {
    return Optional.ofNullable(artifact.getClassifier()).filter(c -> !c.isBlank());
  }

  private List<Artifact> libraries() throws MojoFailureException {
    List<Artifact> libraries = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      String key = DependencyEdges.key(artifact.getGroupId(), artifact.getArtifactId());
      if (!RUNTIME_SCOPES.contains(artifact.getScope())
          || !artifact.getArtifactHandler().isAddedToClasspath()) {
        continue;
      }
      if (API_KEY.equals(key)) {
        log.info(API_KEY + " is provided by the Molt kernel and is not copied as an app;"
            + " declare it with <scope>provided</scope>");
        continue;
      }
      if (artifact.getFile() == null || !artifact.getFile().isFile()) {
        throw new MojoFailureException("the jar of dependency " + artifact.getId()
            + " is missing (" + artifact.getFile() + "); run the build without -o or check"
            + " the repository");
      }
      libraries.add(artifact);
    }
    return libraries;
  }

  private File mainJar() throws MojoFailureException {
    File file = project.getArtifact().getFile();
    if (file == null || !file.isFile() || !file.getName().endsWith(".jar")) {
      throw new MojoFailureException("the jar of " + project.getId() + " is not built yet"
          + " (molt:release needs the packaged jar); run the goal after package:"
          + " mvn package molt:release, or mvn package with molt:release bound to the package"
          + " phase");
    }
    return file;
  }

  private static List<String> dependsOn(
      String key, Map<String, Set<String>> edges, Map<String, String> nameByKey) {
    List<String> names = new ArrayList<>();
    for (String target : edges.getOrDefault(key, Set.of())) {
      String name = nameByKey.get(target);
      if (name != null && !target.equals(key)) {
        names.add(name);
      }
    }
    return names;
  }
}

package dev.molt.format;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One application (or library, which is an application without an entry point) of a release: its
 * name and version, its jars in {@code lib/<name>-<version>/}, the applications it depends on, and
 * how it is started.
 *
 * <p>Only applications get a class loader (docs/class-loading.md): it reads the application's own
 * jars, then the jars of the libraries of its {@code classPath}, in that order, as
 * {@code java -cp} would. A library has no loader of its own and an empty class path.
 *
 * @param coordinates the Maven coordinates {@code groupId:artifactId:version} it came from, if any
 * @param dependsOn the apps it depends on directly (the edges of the dependency graph)
 * @param classPath for an application: the libraries whose jars follow its own in its loader, in
 *     class path order; empty for a library. {@link ReleaseDescriptor} completes it with every
 *     library reachable through {@code dependsOn}.
 */
public record AppSpec(
    String name,
    String version,
    Optional<String> coordinates,
    List<JarRef> jars,
    List<String> dependsOn,
    List<String> classPath,
    Optional<EntryPoint> entry) {

  public AppSpec {
    Names.requireName(name, "app name");
    Names.requireVersion(version, "version of app " + name);
    Objects.requireNonNull(coordinates, "coordinates");
    jars = List.copyOf(jars);
    dependsOn = List.copyOf(dependsOn);
    classPath = List.copyOf(classPath);
    Objects.requireNonNull(entry, "entry");
    if (jars.isEmpty()) {
      throw new IllegalArgumentException("app " + name + " has no jars");
    }
    if (entry.isEmpty() && !classPath.isEmpty()) {
      throw new IllegalArgumentException("library " + name + " has a class path " + classPath
          + "; only applications have one (give it an entry point or drop its classPath)");
    }
    if (classPath.contains(name) || classPath.stream().distinct().count() != classPath.size()) {
      throw new IllegalArgumentException("the class path of app " + name + " lists itself or a"
          + " library twice: " + classPath);
    }
  }

  /** An app whose class path is derived from its {@code dependsOn} edges alone. */
  public AppSpec(String name, String version, Optional<String> coordinates, List<JarRef> jars,
      List<String> dependsOn, Optional<EntryPoint> entry) {
    this(name, version, coordinates, jars, dependsOn, List.of(), entry);
  }

  /** The same app with another class path. */
  public AppSpec withClassPath(List<String> libraries) {
    return new AppSpec(name, version, coordinates, jars, dependsOn, libraries, entry);
  }

  /** The directory of this app relative to the release root: {@code lib/<name>-<version>}. */
  public String dir() {
    return "lib/" + name + "-" + version;
  }

  /** True for an app without an entry point, i.e. a library. */
  public boolean isLibrary() {
    return entry.isEmpty();
  }
}

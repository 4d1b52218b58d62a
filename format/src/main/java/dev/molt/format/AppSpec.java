package dev.molt.format;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One application (or library, which is an application without an entry point) of a release: its
 * name and version, its jars in {@code lib/<name>-<version>/}, the applications it depends on, and
 * how it is started.
 *
 * @param coordinates the Maven coordinates {@code groupId:artifactId:version} it came from, if any
 */
public record AppSpec(
    String name,
    String version,
    Optional<String> coordinates,
    List<JarRef> jars,
    List<String> dependsOn,
    Optional<EntryPoint> entry) {

  public AppSpec {
    Names.requireName(name, "app name");
    Names.requireVersion(version, "version of app " + name);
    Objects.requireNonNull(coordinates, "coordinates");
    jars = List.copyOf(jars);
    dependsOn = List.copyOf(dependsOn);
    Objects.requireNonNull(entry, "entry");
    if (jars.isEmpty()) {
      throw new IllegalArgumentException("app " + name + " has no jars");
    }
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

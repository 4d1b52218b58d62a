package dev.molt.release;

import dev.molt.format.EntryPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One application or library to put in the release: it becomes {@code lib/<name>-<version>/}.
 *
 * @param name the app name (a Maven artifactId, or the release's main app name)
 * @param version its version
 * @param coordinates {@code groupId:artifactId:version} when it comes from Maven
 * @param jars its jar files (copied in prod, symlinked in dev mode); at least one
 * @param dependsOn names of the other apps of the request it depends on directly
 * @param classPath for an application: the libraries whose jars follow its own in its class
 *     loader, in the order {@code java -cp} would list them (Maven's class path order); libraries
 *     reachable through {@code dependsOn} but not listed are appended. Empty for a library.
 * @param entry how to start it; empty for a library
 */
public record AppInput(
    String name,
    String version,
    Optional<String> coordinates,
    List<Path> jars,
    List<String> dependsOn,
    List<String> classPath,
    Optional<EntryPoint> entry) {
  public AppInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(coordinates, "coordinates");
    jars = List.copyOf(jars);
    dependsOn = List.copyOf(dependsOn);
    classPath = List.copyOf(classPath);
    Objects.requireNonNull(entry, "entry");
  }

  /** An app whose class path is what its {@code dependsOn} edges reach. */
  public AppInput(String name, String version, Optional<String> coordinates, List<Path> jars,
      List<String> dependsOn, Optional<EntryPoint> entry) {
    this(name, version, coordinates, jars, dependsOn, List.of(), entry);
  }

  /** The same input with another entry point. */
  AppInput withEntry(Optional<EntryPoint> newEntry) {
    return new AppInput(name, version, coordinates, jars, dependsOn, classPath, newEntry);
  }
}

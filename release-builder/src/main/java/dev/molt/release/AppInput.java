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
 * @param entry how to start it; empty for a library
 */
public record AppInput(
    String name,
    String version,
    Optional<String> coordinates,
    List<Path> jars,
    List<String> dependsOn,
    Optional<EntryPoint> entry) {
  public AppInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(coordinates, "coordinates");
    jars = List.copyOf(jars);
    dependsOn = List.copyOf(dependsOn);
    Objects.requireNonNull(entry, "entry");
  }
}

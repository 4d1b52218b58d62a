package dev.molt.release;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to assemble one release.
 *
 * @param name the release name (defaults, in the plugin, to {@code rel/molt.json} "name" or the
 *     artifactId)
 * @param version the release version
 * @param environment the environment of {@code rel/molt.json} to build ({@code dev} or {@code prod})
 * @param relDir the user's {@code rel/} folder (molt.json, jvm.options, config.json, hooks/,
 *     commands/)
 * @param outputDir where to build: the release goes to {@code <outputDir>/rel/<name>/}, the
 *     tarball to {@code <outputDir>/<name>-<version>.tar.gz}
 * @param apps the applications and libraries, in any order
 * @param kernel the kernel jars
 * @param jdkHome the JDK whose jlink and jdeps make the embedded runtime; empty means the JDK
 *     running the build
 */
public record ReleaseRequest(
    String name,
    String version,
    String environment,
    Path relDir,
    Path outputDir,
    List<AppInput> apps,
    KernelInput kernel,
    Optional<Path> jdkHome) {
  public ReleaseRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(relDir, "relDir");
    Objects.requireNonNull(outputDir, "outputDir");
    apps = List.copyOf(apps);
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(jdkHome, "jdkHome");
  }
}

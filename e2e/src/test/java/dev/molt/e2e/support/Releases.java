package dev.molt.e2e.support;

import dev.molt.release.AppInput;
import dev.molt.release.KernelInput;
import dev.molt.release.KernelJars;
import dev.molt.release.ReleaseBuildException;
import dev.molt.release.ReleaseBuilder;
import dev.molt.release.ReleaseRequest;
import dev.molt.release.ReleaseResult;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Commands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds releases of fixtures with {@link ReleaseBuilder}, as the Maven plugin would. */
public final class Releases {
  private Releases() {}

  /** The kernel jars from this JVM's class path (molt-runtime-loader and its dependencies). */
  public static KernelInput kernel() throws ReleaseBuildException {
    return KernelJars.fromClassPath(System.getProperty("java.class.path"));
  }

  /** Builds {@code fixture} as release {@code <artifactId>-<version>} in {@code environment}. */
  public static ReleaseResult build(Fixture fixture, String environment, Path outputDir)
      throws ReleaseBuildException {
    return build(fixture, fixture.relDir(), environment, outputDir, Optional.empty());
  }

  /** Builds {@code fixture} with another rel/ folder or JDK. */
  public static ReleaseResult build(Fixture fixture, Path relDir, String environment,
      Path outputDir, Optional<Path> jdkHome) throws ReleaseBuildException {
    return build(fixture.artifactId(), fixture.version(), relDir, environment, outputDir,
        fixture.inputs(), jdkHome);
  }

  /** Builds a release from explicit inputs. */
  public static ReleaseResult build(String name, String version, Path relDir, String environment,
      Path outputDir, List<AppInput> apps, Optional<Path> jdkHome) throws ReleaseBuildException {
    ReleaseRequest request = new ReleaseRequest(
        name, version, environment, relDir, outputDir, apps, kernel(), jdkHome);
    return new ReleaseBuilder(line -> System.out.println("[build " + name + "] " + line))
        .build(request);
  }

  /** Copies a release tree as it is (modes, symlinks, times) with {@code cp -a}. */
  public static Path copy(Path releaseDir, Path target) {
    CommandResult copied = Commands.run(
        List.of("cp", "-a", releaseDir.toString(), target.toString()),
        Path.of("/"), Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(60));
    if (copied.exitCode() != 0) {
      throw new AssertionError("copy failed: " + copied);
    }
    return target;
  }
}

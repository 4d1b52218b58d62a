package dev.molt.release;

import dev.molt.format.AppSpec;
import dev.molt.format.CommandSpec;
import dev.molt.format.KernelRef;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.RuntimeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The mutable state of one build, filled in step by step. Everything is written under {@link
 * #staging} (the future release root) or to temporary files beside the final outputs, so that
 * {@link ReleaseBuilder} can discard it all when a step fails.
 */
final class BuildContext {
  final ReleaseRequest request;
  final Consumer<String> progress;
  final Path staging;

  RelConfig config;
  RelConfig.Environment env;
  /** The apps to install, dependencies first, then by name; molt-api removed. */
  List<AppInput> apps = List.of();
  final List<AppSpec> appSpecs = new ArrayList<>();
  KernelRef kernel;
  RuntimeSpec runtime = RuntimeSpec.system();
  boolean cdsAtFirstStart;
  final List<CommandSpec> commands = new ArrayList<>();
  ReleaseDescriptor descriptor;
  Optional<Path> tarballTemp = Optional.empty();
  Optional<Path> checksumTemp = Optional.empty();

  BuildContext(ReleaseRequest request, Consumer<String> progress, Path staging) {
    this.request = request;
    this.progress = progress;
    this.staging = staging;
  }

  String name() {
    return request.name();
  }

  String version() {
    return request.version();
  }

  /** {@code releases/<vsn>/} inside the staging root. */
  Path versionDir() {
    return staging.resolve("releases").resolve(request.version());
  }

  Path tarballPath() {
    return request.outputDir().toAbsolutePath().resolve(request.name() + "-" + request.version() + ".tar.gz");
  }
}

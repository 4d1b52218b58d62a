package dev.molt.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The front door of the build side: {@link #init} writes a {@code rel/} folder to edit, {@link
 * #build} assembles a release from it. Used by the Maven plugin, the {@code molt} CLI and the
 * tests. Arguments must not be null. Instances are not thread-safe; use one per build.
 */
public final class ReleaseBuilder {
  private final Consumer<String> progress;

  /**
   * @param progress receives one line per step of a long build ("Linking the runtime with jlink");
   *     never null
   */
  public ReleaseBuilder(Consumer<String> progress) {
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Writes {@code rel/molt.json}, {@code rel/jvm.options}, {@code rel/config.json} and empty {@code
   * rel/hooks/}, {@code rel/commands/} and {@code rel/trusted-keys/} folders with a README each.
   * Never overwrites an existing file.
   *
   * @param relDir the folder to create or complete
   * @param name the release name written into molt.json
   * @return which files were written and which were kept
   */
  public InitResult init(Path relDir, String name) throws ReleaseBuildException {
    return RelInit.write(relDir, name);
  }

  /**
   * The release name set in {@code <relDir>/molt.json} ("name"), if any: callers use it as the
   * default of {@link ReleaseRequest#name}.
   *
   * @throws InvalidRelConfigException when molt.json is missing or invalid
   */
  public static Optional<String> configuredName(Path relDir) throws ReleaseBuildException {
    return RelConfigReader.read(relDir.resolve("molt.json")).name();
  }

  /**
   * Assembles the release described by {@code request}: validates every input first, builds into a
   * temporary directory beside the target and moves it into place, so that a failure leaves
   * nothing behind and an older release at that path is only replaced on success.
   */
  public ReleaseResult build(ReleaseRequest request) throws ReleaseBuildException {
    long start = System.nanoTime();
    Path target = request.outputDir().resolve("rel").resolve(request.name()).toAbsolutePath();
    ValidateInputsStep.requireMatch(request.name(), ValidateInputsStep.NAME, "release name");
    ReleaseDirs.requireNotRunning(target, request.name());
    Path staging;
    try {
      Files.createDirectories(target.getParent());
      staging = Files.createTempDirectory(target.getParent(), "." + request.name() + ".building-");
    } catch (IOException e) {
      throw new ReleaseBuildException("cannot create " + target.getParent() + ": " + e.getMessage()
          + "; check that the output directory is writable", e);
    }
    BuildContext c = new BuildContext(request, progress, staging);
    boolean placed = false;
    try {
      for (Step step : steps()) {
        if (step.applies(c)) {
          progress.accept(step.describe(c));
          step.run(c);
        }
      }
      ReleaseDirs.replace(staging, target);
      placed = true;
      Optional<Path> tarball = placeArchive(c);
      Optional<Path> checksum = tarball.map(t -> t.resolveSibling(t.getFileName() + ".sha256"));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      progress.accept("Built " + request.name() + " " + request.version() + " in " + target
          + " (" + elapsed.toMillis() + " ms)");
      return new ReleaseResult(target, tarball, checksum, c.descriptor, elapsed);
    } catch (IOException e) {
      throw new ReleaseBuildException("building " + request.name() + " " + request.version()
          + " failed: " + e + "; nothing was changed in " + target.getParent(), e);
    } finally {
      cleanUp(c, placed);
    }
  }

  private static List<Step> steps() {
    return List.of(new ReadRelConfigStep(), new ValidateInputsStep(),
        new CheckSystemLoaderUsesStep(), new CopyAppsStep(), new CopyKernelStep(),
        new LinkRuntimeStep(), new CheckJdkClassNamesStep(), new CopyRelFilesStep(), new CopyTrustedKeysStep(),
        new WriteReleaseFilesStep(), new WriteBinScriptStep(), new ArchiveStep());
  }

  private static Optional<Path> placeArchive(BuildContext c) throws IOException {
    if (c.tarballTemp.isEmpty()) {
      return Optional.empty();
    }
    Path tarball = c.tarballPath();
    ReleaseDirs.move(c.checksumTemp.orElseThrow(), tarball.resolveSibling(tarball.getFileName() + ".sha256"));
    ReleaseDirs.move(c.tarballTemp.get(), tarball);
    c.tarballTemp = Optional.empty();
    c.checksumTemp = Optional.empty();
    return Optional.of(tarball);
  }

  private void cleanUp(BuildContext c, boolean placed) {
    try {
      if (!placed) {
        ReleaseDirs.deleteTree(c.staging);
      }
      for (Optional<Path> tmp : List.of(c.tarballTemp, c.checksumTemp)) {
        if (tmp.isPresent()) {
          Files.deleteIfExists(tmp.get());
        }
      }
    } catch (IOException e) {
      progress.accept("warning: could not remove temporary files in " + c.staging.getParent()
          + ": " + e.getMessage());
    }
  }
}

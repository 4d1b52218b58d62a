package dev.molt.release;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The front door of the build side: {@link #init} writes a {@code rel/} folder to edit, {@link
 * #build} assembles a release from it. Used by the Maven plugin, the {@code molt} CLI and the
 * tests. Instances are not thread-safe; use one per build.
 */
public final class ReleaseBuilder {
  private final Consumer<String> progress;

  /**
   * @param progress receives one line per step of a long build ("Linking runtime with jlink ...");
   *     never null
   */
  public ReleaseBuilder(Consumer<String> progress) {
    this.progress = progress;
  }

  /**
   * Writes {@code rel/molt.json}, {@code rel/jvm.options}, {@code rel/config.json} and empty {@code
   * rel/hooks/} and {@code rel/commands/} folders with a README each. Never overwrites an existing
   * file.
   *
   * @param relDir the folder to create or complete
   * @param name the release name written into molt.json
   * @return which files were written and which were kept
   */
  public InitResult init(Path relDir, String name) throws ReleaseBuildException {
    throw new UnsupportedOperationException("not built yet");
  }

  /**
   * Assembles the release described by {@code request}: validates every input first, builds into a
   * temporary directory and moves it into place, so that a failure leaves nothing behind.
   */
  public ReleaseResult build(ReleaseRequest request) throws ReleaseBuildException {
    throw new UnsupportedOperationException("not built yet " + progress);
  }
}

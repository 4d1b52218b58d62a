package dev.molt.release;

import java.io.IOException;

/** One stage of a build; steps run in order on a shared {@link BuildContext}. */
interface Step {
  /** A short line for the progress log, e.g. "Copying 12 apps". */
  String describe(BuildContext c);

  /** Whether the step has anything to do in this build (e.g. no jlink without a runtime). */
  default boolean applies(BuildContext c) {
    return true;
  }

  void run(BuildContext c) throws ReleaseBuildException, IOException;
}

package dev.molt.upgrade.step;

import dev.molt.format.UpgradeJournal;
import java.util.Optional;

/**
 * One prepared step of a relup plan: everything it needs (bytes, loaders, methods) was found by
 * the check, so running it only changes the node. Every step can be undone, or says why not.
 */
public interface Step {
  /** One line for the report, e.g. {@code redefine book_app: BookHandler, PlainContext}. */
  String describe();

  /** Changes the node. On failure the node must be as before this step. */
  void run() throws StepException;

  /** Reverses {@link #run}; called in reverse order when a later step fails. */
  void undo() throws StepException;

  /** The journal phase this step stands for, when it is not an ordinary step (the hooks). */
  default Optional<UpgradeJournal.Phase> journalPhase() {
    return Optional.empty();
  }

  /** True for the point of no return: after it, a failure is not undone in this JVM. */
  default boolean isPointOfNoReturn() {
    return false;
  }
}

package dev.molt.upgrade.update;

import dev.molt.services.update.UnitUpdate;
import dev.molt.services.update.UpdateException;
import dev.molt.upgrade.step.RetiredLoaders;
import dev.molt.upgrade.step.Step;
import dev.molt.upgrade.step.StepException;
import java.io.PrintStream;

/**
 * {@code update}: loads a service's unit anew over the new version's jars and moves the running
 * service to it, state migrated, callers held at the gate for the pause only ({@link
 * UnitUpdate}). A failure before the swap leaves the old version serving with its state and
 * fails the step (the upgrade rolls back). Undo moves the service back through the migration's
 * other direction (or restores the snapshot, saying what was lost, in the node's log). The old
 * implementation and its unit loader are kept until {@code purge}, which disposes and drops them.
 */
public final class UpdateStep implements Step {
  private final String app;
  private final UnitUpdate update;
  private final RetiredLoaders retired;
  private final PrintStream log;
  private String outcome = "";

  public UpdateStep(String app, UnitUpdate update, RetiredLoaders retired, PrintStream log) {
    this.app = app;
    this.update = update;
    this.retired = retired;
    this.log = log;
  }

  @Override
  public String describe() {
    return "update " + app + ": " + update.label() + outcome;
  }

  @Override
  public void run() throws StepException {
    try {
      update.run();
    } catch (UpdateException e) {
      throw new StepException(describe() + " failed: " + e.getMessage(), e);
    }
    outcome = ", callers paused " + update.lastPause().toMillis() + " ms";
    retired.retireUnit(app, update);
  }

  @Override
  public void undo() throws StepException {
    retired.unretireUnit(app, update);
    try {
      String lost = update.undo();
      if (!lost.isEmpty()) {
        log.println("molt: upgrade: undo update " + app + ": " + update.label() + ": " + lost);
      }
    } catch (UpdateException e) {
      throw new StepException("undo " + describe() + " failed: " + e.getMessage(), e);
    }
  }
}

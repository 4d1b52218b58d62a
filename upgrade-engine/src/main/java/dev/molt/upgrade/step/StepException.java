package dev.molt.upgrade.step;

import dev.molt.upgrade.ExitCodes;
import dev.molt.upgrade.UpgradeException;
import java.util.List;

/** A step (or its undo) failed; the message names the step, the app and the cause. */
public final class StepException extends UpgradeException {
  private static final long serialVersionUID = 1L;

  public StepException(String message, Throwable cause) {
    super(ExitCodes.ROLLED_BACK, message, List.of(), cause);
  }

  public StepException(String message) {
    super(ExitCodes.ROLLED_BACK, message, List.of());
  }
}

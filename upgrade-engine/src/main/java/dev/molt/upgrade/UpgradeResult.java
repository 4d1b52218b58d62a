package dev.molt.upgrade;

import dev.molt.format.ReleaseState;
import java.util.List;

/**
 * A committed upgrade or downgrade.
 *
 * @param from the version the node ran before
 * @param to the version it runs now
 * @param state the state of {@code to} in RELEASES.json ({@code permanent}, or {@code current}
 *     on trial)
 * @param report one line per step, with its time
 * @param restartPending true when the plan ends with {@code restart_jvm}: nothing is committed
 *     yet; the node must be stopped and started again ({@code bin/<name>} does it), and the new
 *     JVM finishes the upgrade ({@code state} is then the new release's state before the commit)
 */
public record UpgradeResult(String from, String to, ReleaseState state, List<String> report,
    boolean restartPending) {
  /** A committed move. */
  public UpgradeResult(String from, String to, ReleaseState state, List<String> report) {
    this(from, to, state, report, false);
  }

  public UpgradeResult {
    report = List.copyOf(report);
  }
}

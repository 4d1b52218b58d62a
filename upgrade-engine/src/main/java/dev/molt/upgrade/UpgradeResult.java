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
 */
public record UpgradeResult(String from, String to, ReleaseState state, List<String> report) {
  public UpgradeResult {
    report = List.copyOf(report);
  }
}

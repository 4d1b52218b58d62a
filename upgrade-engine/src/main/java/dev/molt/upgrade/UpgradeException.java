package dev.molt.upgrade;

import java.util.List;

/**
 * An upgrade, downgrade or release-state command failed. The message says what failed (versions,
 * apps, classes, files) and what to do; {@link #exitCode()} is what {@code bin/<name>} exits with
 * (see docs/upgrades.md); {@link #report()} lists what ran and what was undone, one line each.
 */
public class UpgradeException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int exitCode;
  private final List<String> report;

  public UpgradeException(int exitCode, String message, List<String> report) {
    super(message);
    this.exitCode = exitCode;
    this.report = List.copyOf(report);
  }

  public UpgradeException(int exitCode, String message, List<String> report, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.report = List.copyOf(report);
  }

  public int exitCode() {
    return exitCode;
  }

  /** What ran before the failure and what was undone, in order; empty when nothing ran. */
  public List<String> report() {
    return report;
  }
}

package dev.molt.format;

/**
 * The {@code "upgrade"} section of {@code release.json} (from {@code rel/molt.json}'s): bounds of
 * a live {@code update} of a service. {@code updatePauseMs}: how long the work inside the pause
 * (after the drain: deactivate, export, migrate, import, activate) may take before the step is
 * abandoned and rolled back; {@code updateDrainMs}: how long calls in flight may take to finish
 * once the gate closed.
 */
public record UpgradeSettings(int updatePauseMs, int updateDrainMs) {
  /** The bounds of a release that sets none: 2 s of work, 5 s of drain. */
  public static final UpgradeSettings DEFAULTS = new UpgradeSettings(2000, 5000);

  /** The largest value either bound may take: 10 minutes. */
  public static final int MAX_MS = 600_000;

  public UpgradeSettings {
    require(updatePauseMs, "update_pause_ms");
    require(updateDrainMs, "update_drain_ms");
  }

  private static void require(int ms, String what) {
    if (ms < 1 || ms > MAX_MS) {
      throw new IllegalArgumentException("upgrade." + what + " is " + ms + "; it must be between"
          + " 1 and " + MAX_MS + " (milliseconds)");
    }
  }
}

package dev.molt.upgrade;

/**
 * The exit codes of the engine's commands, after the control client's own (3 node not running, 4
 * cookie rejected, 5 protocol error, 6 permission denied). Listed in {@code bin/<name> help} and
 * docs/upgrades.md.
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** An internal error (a bug, or a file the engine could not write). */
  public static final int FAILURE = 1;
  /** Wrong arguments. */
  public static final int USAGE = 2;
  /** The check found problems; nothing was changed. */
  public static final int CHECK_FAILED = 10;
  /** A step or hook failed; every step done was undone and the node runs the old release. */
  public static final int ROLLED_BACK = 11;
  /** A step failed and undoing the steps failed too: the node is half-upgraded; reboot it. */
  public static final int ROLLBACK_FAILED = 12;
  /** Another upgrade or downgrade is running on this node; nothing was changed. */
  public static final int BUSY = 13;
  /** A step after the point of no return failed: reboot into the permanent release. */
  public static final int FAILED_AFTER_POINT_OF_NO_RETURN = 14;
  /**
   * The upgrade ran, but the new release failed its trial's health check ({@code upgrade.trial}
   * of release.json): the node was moved back to the release it ran, which stays permanent.
   */
  public static final int TRIAL_FAILED = 18;
  /**
   * Not an outcome but the engine's answer to {@code bin/<name>}: the plan ran up to
   * {@code restart_jvm}; stop the node, start it (it boots the new release once), then ask
   * {@code await_upgrade} for the outcome. {@code bin/<name>} never exits with it.
   */
  public static final int RESTART_JVM = 19;

  private ExitCodes() {}
}

package dev.molt.format;

import java.util.Locale;
import java.util.Objects;

/**
 * {@code releases/upgrade.journal.json}: the upgrade a node is in the middle of. Written (atomically)
 * before every step of a live upgrade and deleted when the upgrade commits or has been rolled
 * back, so that its presence at boot means the JVM died during an upgrade. Immutable.
 *
 * @param name the release name
 * @param from the version the node ran when the upgrade began
 * @param to the version it was moving to
 * @param direction {@code up} for {@code upgrade}, {@code down} for {@code downgrade}
 * @param phase what the engine was doing
 * @param step the index in the relup plan of the step about to run (or being undone)
 * @param trial whether the upgrade was asked with {@code --trial} (the new release is to become
 *     {@code current}, not {@code permanent}); read by the new JVM that finishes a
 *     {@code restart_jvm} upgrade
 */
public record UpgradeJournal(
    String name, String from, String to, Direction direction, Phase phase, int step,
    boolean trial) {

  /** Which way the node was moving. */
  public enum Direction {
    UP, DOWN;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What the engine was doing when the journal was written. */
  public enum Phase {
    /** running the pre_upgrade hooks; nothing changed yet */
    PRE_UPGRADE,
    /** running the plan's steps before the point of no return */
    STEPS,
    /** running the post_upgrade hooks */
    POST_UPGRADE,
    /** past the point of no return */
    PAST_POINT_OF_NO_RETURN,
    /** writing RELEASES.json */
    COMMIT,
    /** undoing the steps after a failure */
    ROLLBACK,
    /**
     * a {@code restart_jvm} step: the old JVM stops and {@code bin/<name>} boots the new release
     * once; the new JVM, finding this phase with {@code to} its own version, finishes the upgrade
     */
    RESTART_JVM;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A journal of an upgrade without {@code --trial}. */
  public UpgradeJournal(String name, String from, String to, Direction direction, Phase phase,
      int step) {
    this(name, from, to, direction, phase, step, false);
  }

  public UpgradeJournal {
    Names.requireName(name, "journal name");
    Names.requireVersion(from, "journal from");
    Names.requireVersion(to, "journal to");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(phase, "phase");
    if (from.equals(to)) {
      throw new IllegalArgumentException("from and to are both " + from);
    }
    if (step < 0) {
      throw new IllegalArgumentException("step must be 0 or more, not " + step);
    }
  }

  /** The same upgrade at another phase and step. */
  public UpgradeJournal at(Phase next, int nextStep) {
    return new UpgradeJournal(name, from, to, direction, next, nextStep, trial);
  }
}

package dev.molt.upgrade;

import dev.molt.format.UpgradeJournal;

/** Which way a command moves the node: {@code upgrade} or {@code downgrade}. */
public enum Direction {
  UP("upgrade"), DOWN("downgrade");

  private final String command;

  Direction(String command) {
    this.command = command;
  }

  /** The command's name, {@code upgrade} or {@code downgrade}. */
  public String command() {
    return command;
  }

  /** What hooks see in {@code MOLT_UPGRADE_DIRECTION}: {@code up} or {@code down}. */
  public String word() {
    return this == UP ? "up" : "down";
  }

  UpgradeJournal.Direction journal() {
    return this == UP ? UpgradeJournal.Direction.UP : UpgradeJournal.Direction.DOWN;
  }
}

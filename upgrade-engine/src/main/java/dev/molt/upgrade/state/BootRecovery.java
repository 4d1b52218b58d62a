package dev.molt.upgrade.state;

import dev.molt.format.FormatException;
import dev.molt.format.UpgradeJournal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the engine does when a node boots: an upgrade journal left behind means the JVM died in
 * the middle of an upgrade. Nothing of it survived in memory, and {@code bin/<name> start} booted
 * the permanent release, so recovery is bookkeeping: say what happened, and clear the journal.
 * A {@code current} release the node did not boot (a trial that died) goes back to
 * {@code unpacked}, so RELEASES.json tells the truth.
 */
public final class BootRecovery {
  private BootRecovery() {}

  /** @return the lines to log; empty when there was nothing to recover */
  public static List<String> recover(Journal journal, ReleaseStates states, String booted)
      throws FormatException, IOException {
    List<String> lines = new ArrayList<>();
    Optional<UpgradeJournal> left = journal.read();
    if (left.isPresent()) {
      UpgradeJournal j = left.get();
      if (j.phase() == UpgradeJournal.Phase.RESTART_JVM && !j.to().equals(booted)) {
        lines.add("the " + j.direction().json() + "grade " + j.from() + " -> " + j.to()
            + " restarts the JVM, and " + j.to() + " did not come up (or its JVM stopped before"
            + " the upgrade committed); the node booted " + booted + ", its permanent release;"
            + " see the log above for why, then run the command again to retry");
      } else if (j.to().equals(booted)) {
        lines.add("the " + j.direction().json() + "grade " + j.from() + " -> " + j.to()
            + " had committed when the JVM stopped; node runs " + booted);
      } else {
        lines.add("the " + j.direction().json() + "grade " + j.from() + " -> " + j.to()
            + " was interrupted (phase " + j.phase().json() + ", step " + j.step()
            + ") when the JVM stopped; the node booted " + booted + ", its permanent release;"
            + " run the command again to retry");
      }
      journal.clear();
    }
    if (states.demoteCurrentOtherThan(booted)) {
      lines.add("a release on trial (current) was not booted; it is unpacked again");
    }
    return lines;
  }
}

package dev.molt.upgrade;

import dev.molt.format.UpgradeJournal;
import dev.molt.upgrade.check.CheckedPlan;
import dev.molt.upgrade.state.Journal;
import dev.molt.upgrade.step.Step;
import dev.molt.upgrade.step.StepException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Runs a checked plan's steps in order, writing the journal before each, and on a failure before
 * the point of no return undoes the steps done, in reverse. Each step is reported on one line
 * with its time, to the node's log as it runs and in the result.
 */
final class StepRunner {
  private final Journal journal;
  private final PrintStream log;
  private final TestPause pause;
  private final List<String> report = new ArrayList<>();

  StepRunner(Journal journal, PrintStream log, TestPause pause) {
    this.journal = journal;
    this.log = log;
    this.pause = pause;
  }

  List<String> report() {
    return List.copyOf(report);
  }

  /** Runs every step; returns normally only when all ran. The journal is left for the commit. */
  void run(CheckedPlan plan, UpgradeJournal start) throws UpgradeException {
    Deque<Step> done = new ArrayDeque<>();
    boolean pastNoReturn = false;
    for (int i = 0; i < plan.steps().size(); i++) {
      Step step = plan.steps().get(i);
      UpgradeJournal.Phase phase = step.journalPhase().orElse(pastNoReturn
          ? UpgradeJournal.Phase.PAST_POINT_OF_NO_RETURN : UpgradeJournal.Phase.STEPS);
      long t0 = System.nanoTime();
      try {
        journalStep(start.at(phase, i));
        pause.at(i, step.describe());
        step.run();
      } catch (StepException e) {
        line("FAILED", step, t0);
        if (pastNoReturn) {
          throw new UpgradeException(ExitCodes.FAILED_AFTER_POINT_OF_NO_RETURN, plan.direction()
              .command() + " to " + plan.to() + " failed after the point of no return: "
              + e.getMessage() + "; the node runs " + plan.to() + " partly; reboot it into the"
              + " permanent release (bin/<name> reboot)", report(), e);
        }
        rollBack(plan, start.at(UpgradeJournal.Phase.ROLLBACK, i), done, e);
      }
      line("ok", step, t0);
      pastNoReturn |= step.isPointOfNoReturn();
      done.push(step);
    }
  }

  private void rollBack(CheckedPlan plan, UpgradeJournal entry, Deque<Step> done,
      StepException cause) throws UpgradeException {
    write(entry);
    while (!done.isEmpty()) {
      Step step = done.pop();
      long t0 = System.nanoTime();
      try {
        step.undo();
        line("undone", step, t0);
      } catch (StepException e) {
        line("UNDO FAILED", step, t0);
        e.addSuppressed(cause);
        throw new UpgradeException(ExitCodes.ROLLBACK_FAILED, plan.direction().command()
            + " to " + plan.to() + " failed (" + cause.getMessage() + ") and undoing it failed"
            + " too (" + e.getMessage() + "); the node is half-upgraded: reboot it into the"
            + " permanent release (bin/<name> reboot)", report(), e);
      }
    }
    clearJournal();
    throw new UpgradeException(ExitCodes.ROLLED_BACK, plan.direction().command() + " to "
        + plan.to() + " failed and was rolled back; the node runs " + plan.from() + " as before: "
        + cause.getMessage(), report(), cause);
  }

  private void line(String outcome, Step step, long since) {
    report.add(format(outcome, step.describe(), since, log));
  }

  /** One report line, {@code "  ok      <what> (12 ms)"}, also logged. */
  static String format(String outcome, String what, long since, PrintStream log) {
    long ms = (System.nanoTime() - since) / 1_000_000;
    String text = String.format("  %-7s %s (%d ms)", outcome, what, ms);
    log.println("molt: upgrade:" + text.substring(1));
    log.flush();
    return text;
  }

  /** The journal before a step; failing to write it fails the step (and rolls back). */
  private void journalStep(UpgradeJournal entry) throws StepException {
    try {
      journal.write(entry);
    } catch (IOException e) {
      throw new StepException("cannot write the upgrade journal " + journal.file() + ": " + e
          + "; make releases/ writable", e);
    }
  }

  private void write(UpgradeJournal entry) throws UpgradeException {
    try {
      journal.write(entry);
    } catch (IOException e) {
      throw new UpgradeException(ExitCodes.FAILURE, "cannot write the upgrade journal "
          + journal.file() + ": " + e + "; make releases/ writable", report(), e);
    }
  }

  private void clearJournal() {
    try {
      journal.clear();
    } catch (IOException e) {
      log.println("molt: cannot delete " + journal.file() + " (" + e + "); delete it by hand");
    }
  }
}

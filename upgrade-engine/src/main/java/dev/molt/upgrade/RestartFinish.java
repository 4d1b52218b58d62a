package dev.molt.upgrade;

import dev.molt.format.FormatException;
import dev.molt.format.ReleaseState;
import dev.molt.format.TrialCheck;
import dev.molt.format.UpgradeJournal;
import dev.molt.kernel.node.AppState;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.node.NodeApp;
import dev.molt.upgrade.check.PlanChecker;
import dev.molt.upgrade.hook.HookStep;
import dev.molt.upgrade.state.Journal;
import dev.molt.upgrade.state.ReleaseStates;
import dev.molt.upgrade.step.StepException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The half of a {@code restart_jvm} upgrade that runs in the new JVM, which booted the new
 * release once: once its apps have started (bounded by {@code MOLT_START_TIMEOUT}, default
 * 60 s), the post_upgrade hooks, then the commit. A failure commits nothing and leaves the journal
 * at {@code rollback}: the permanent release is still the old one, and {@code bin/<name>}
 * restarts the node into it.
 */
final class RestartFinish {
  private final Node node;
  private final PlanChecker checker;
  private final ReleaseStates states;
  private final Journal journal;
  private final Map<String, String> env;
  private final PrintStream log;
  private final List<String> report = new ArrayList<>();

  RestartFinish(Node node, PlanChecker checker, ReleaseStates states, Journal journal,
      Map<String, String> env, PrintStream log) {
    this.node = node;
    this.checker = checker;
    this.states = states;
    this.journal = journal;
    this.env = env;
    this.log = log;
  }

  UpgradeResult finish(UpgradeJournal j, TrialRunner trial) throws UpgradeException {
    Direction direction = j.direction() == UpgradeJournal.Direction.UP ? Direction.UP
        : Direction.DOWN;
    UpgradeRequest request = new UpgradeRequest(j.to(), direction, j.trial(),
        seconds("MOLT_HOOK_TIMEOUT", UpgradeRequest.DEFAULT_HOOK_TIMEOUT));
    try {
      awaitApps(seconds("MOLT_START_TIMEOUT", Duration.ofSeconds(60)));
      HookStep post = checker.hooks("post_upgrade", request, j.from(), node.descriptor());
      write(j.at(UpgradeJournal.Phase.POST_UPGRADE, j.step()));
      long t0 = System.nanoTime();
      try {
        post.run();
      } catch (StepException e) {
        line("FAILED", post.describe(), t0);
        throw e;
      }
      line("ok", post.describe(), t0);
    } catch (StepException e) {
      try {
        journal.write(j.at(UpgradeJournal.Phase.ROLLBACK, j.step()));
      } catch (IOException io) {
        log.println("molt: cannot write " + journal.file() + ": " + io);
      }
      throw new UpgradeException(ExitCodes.ROLLED_BACK, direction.command() + " to " + j.to()
          + " failed in the new JVM and is not committed; the node goes back to " + j.from()
          + ", its permanent release, by a restart (bin/" + j.name() + " upgrade does it; else"
          + " run bin/" + j.name() + " reboot): " + e.getMessage(), report, e);
    }
    Optional<TrialCheck> check = node.descriptor().trial();
    try {
      journal.write(j.at(UpgradeJournal.Phase.COMMIT, j.step()));
      states.commit(j.from(), j.to(), j.trial() || check.isPresent());
      journal.clear();
      if (check.isPresent()) {
        long t0 = System.nanoTime();
        String line = "trial: " + check.get().describe();
        try {
          trial.run(check.get(), j.from());
        } catch (StepException e) {
          report.add(StepRunner.format("FAILED", line, t0, log));
          states.markUnpacked(j.to());
          throw new UpgradeException(ExitCodes.TRIAL_FAILED, direction.command() + " to "
              + j.to() + " failed its trial in the new JVM; " + j.from() + " is still the"
              + " permanent release and the node goes back to it by a restart (bin/" + j.name()
              + " upgrade does it; else run bin/" + j.name() + " reboot): " + e.getMessage(),
              report, e);
        }
        report.add(StepRunner.format("ok", line, t0, log));
        if (!j.trial()) {
          states.makePermanent(j.to());
        }
      }
    } catch (FormatException | IOException e) {
      throw new UpgradeException(ExitCodes.FAILED_AFTER_POINT_OF_NO_RETURN, "the node runs "
          + j.to() + " but " + states.file() + " could not be written (" + e + "); fix the"
          + " file system, then run make_permanent " + j.to(), report, e);
    }
    ReleaseState state = j.trial() ? ReleaseState.CURRENT : ReleaseState.PERMANENT;
    log.println("molt: " + direction.command() + " to " + j.to() + " committed in the new JVM; "
        + j.to() + " is " + state.json());
    return new UpgradeResult(j.from(), j.to(), state, report);
  }

  /** Waits until no application of the node is still to start (or starting). */
  private void awaitApps(Duration timeout) throws StepException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!appsStarted()) {
      if (System.nanoTime() > deadline) {
        throw new StepException("the applications of " + node.descriptor().version()
            + " did not start within " + timeout.toSeconds() + " s (MOLT_START_TIMEOUT)");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StepException("interrupted while waiting for the applications to start", e);
      }
    }
    for (NodeApp app : node.apps()) {
      if (app.state() == AppState.FAILED) {
        throw new StepException("application " + app.name() + " " + app.version()
            + " failed to start");
      }
    }
  }

  private boolean appsStarted() {
    for (NodeApp app : node.apps()) {
      if (!app.spec().isLibrary()
          && (app.state() == AppState.LOADED || app.state() == AppState.STARTING)) {
        return false;
      }
    }
    return true;
  }

  private void write(UpgradeJournal entry) throws StepException {
    try {
      journal.write(entry);
    } catch (IOException e) {
      throw new StepException("cannot write the upgrade journal " + journal.file() + ": " + e
          + "; make releases/ writable", e);
    }
  }

  private void line(String outcome, String step, long since) {
    report.add(StepRunner.format(outcome, step, since, log));
  }

  private Duration seconds(String variable, Duration fallback) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long s = Long.parseLong(value.trim());
      return s > 0 ? Duration.ofSeconds(s) : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}

package dev.molt.upgrade;

import dev.molt.format.FormatException;
import dev.molt.format.Formats;
import dev.molt.format.InstalledRelease;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.ReleaseState;
import dev.molt.format.ReleasesFile;
import dev.molt.format.TrialCheck;
import dev.molt.format.UpgradeJournal;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.node.NodeApp;
import dev.molt.upgrade.check.CheckedPlan;
import dev.molt.upgrade.check.PlanChecker;
import dev.molt.upgrade.purge.LoaderPurge;
import dev.molt.upgrade.purge.PurgeLedger;
import dev.molt.upgrade.state.BootOnce;
import dev.molt.upgrade.state.BootRecovery;
import dev.molt.upgrade.state.Journal;
import dev.molt.upgrade.state.ReleaseStates;
import dev.molt.upgrade.step.StepException;
import dev.molt.upgrade.unpack.Installations;
import dev.molt.upgrade.unpack.Unpacked;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The front door of the upgrade engine, inside a running node: checks and runs a relup live
 * ({@link #upgrade}), shows what it would run ({@link #plan}), keeps RELEASES.json's states and
 * the upgrade journal, and recovers after a JVM that died mid-upgrade ({@link #recoverAtBoot}).
 *
 * <p>Thread-safe: one upgrade, downgrade, install, unpack or remove at a time per node; a second
 * is refused with {@link ExitCodes#BUSY}, never queued. No method accepts or returns null.
 */
public final class UpgradeEngine {
  private final Node node;
  private final PlanChecker checker;
  private final ReleaseStates states;
  private final Journal journal;
  private final PrintStream log;
  private final Map<String, String> env;
  private final BootOnce bootOnce;
  private final TestPause pause;
  private final ReentrantLock running = new ReentrantLock();
  private final PurgeLedger purges;
  /** The version this JVM was told to restart into; further moves are refused. Under the lock. */
  private String restartPending;
  /** The restart_jvm upgrade this JVM boots to finish, found by {@link #recoverAtBoot}. */
  private volatile UpgradeJournal finishing;
  /** The outcome of {@link #finishRestart}: a result, or an UpgradeException. */
  private final CompletableFuture<UpgradeResult> finished = new CompletableFuture<>();
  private final Installations installations;

  public UpgradeEngine(Node node, Optional<Instrumentation> instrumentation,
      Map<String, String> env, PrintStream log) {
    this.node = node;
    this.purges = new PurgeLedger(new LiveLoaders(node)); // a class, not a lambda: boot path
    this.checker = new PlanChecker(node, instrumentation, env, log, new LoaderPurge(purges));
    this.states = new ReleaseStates(node.root());
    this.journal = new Journal(node.root());
    this.bootOnce = new BootOnce(node.root());
    this.env = Map.copyOf(env);
    this.log = log;
    this.pause = TestPause.fromEnvironment(env, node.root(), log);
    this.installations = new Installations(node, log);
  }

  /**
   * The old class loaders purged since the boot and whether the collector took them (for
   * {@code releases} and {@code describe}).
   */
  public PurgeLedger purges() {
    return purges;
  }

  /** The loaders of the applications the node runs at the time of the call. */
  private record LiveLoaders(Node node) implements Supplier<List<ClassLoader>> {
    @Override
    public List<ClassLoader> get() {
      List<ClassLoader> loaders = new ArrayList<>();
      for (NodeApp app : node.apps()) {
        app.loader().ifPresent(loaders::add);
      }
      return loaders;
    }
  }

  /** The release the node runs now. */
  public String runningVersion() {
    return node.descriptor().version();
  }

  /**
   * Checks, then runs the plan to {@code request.version()}; commits (RELEASES.json) or rolls
   * back. Blocks until done.
   *
   * @throws UpgradeException carrying the exit code and the report of what ran and was undone
   */
  public UpgradeResult upgrade(UpgradeRequest request) throws UpgradeException {
    return move(request, true);
  }

  /** @param withTrial false for the move back after a failed trial: no second trial */
  private UpgradeResult move(UpgradeRequest request, boolean withTrial) throws UpgradeException {
    if (!running.tryLock()) {
      throw new UpgradeException(ExitCodes.BUSY, "another upgrade or downgrade is running on "
          + node.descriptor().name() + ", or an unpack or remove; nothing was changed: wait"
          + " for it to finish, then run " + request.direction().command() + " "
          + request.version() + " again", List.of());
    }
    try {
      if (restartPending != null) {
        throw new UpgradeException(ExitCodes.BUSY, "this node is to restart into "
            + restartPending + " (an upgrade with restart_jvm); nothing was changed: stop it and"
            + " start it (bin/" + node.descriptor().name() + " reboot), then run the command"
            + " again if it is still needed", List.of());
      }
      List<String> prepared = installations.prepare(request.direction().command(),
          requireVersion(request.version()));
      CheckedPlan plan = checker.check(request);
      registerUnpacked(plan.to());
      UpgradeJournal start = new UpgradeJournal(node.descriptor().name(), plan.from(), plan.to(),
          request.direction() == Direction.UP ? UpgradeJournal.Direction.UP
              : UpgradeJournal.Direction.DOWN, UpgradeJournal.Phase.PRE_UPGRADE, 0,
          request.trial());
      log.println("molt: " + request.direction().command() + " " + plan.from() + " -> "
          + plan.to() + " begins");
      StepRunner runner = new StepRunner(journal, log, pause);
      runner.run(plan, start);
      List<String> report = new ArrayList<>();
      prepared.forEach(line -> report.add("  ok      " + line));
      report.addAll(runner.report());
      if (plan.restartsJvm()) {
        // the journal stays (phase restart_jvm): the new JVM reads it and finishes
        restartPending = plan.to();
        log.println("molt: " + request.direction().command() + " to " + plan.to()
            + " continues in a new JVM: the node is to stop and boot " + plan.to() + " once");
        return new UpgradeResult(plan.from(), plan.to(), ReleaseState.UNPACKED, report, true);
      }
      Optional<TrialCheck> check = withTrial ? plan.next().trial() : Optional.empty();
      if (check.isPresent()) {
        commit(plan, start, true, report);
        return trial(request, plan, check.get(), report);
      }
      commit(plan, start, request.trial(), report);
      ReleaseState state = request.trial() ? ReleaseState.CURRENT : ReleaseState.PERMANENT;
      log.println("molt: " + request.direction().command() + " to " + plan.to()
          + " committed; " + plan.to() + " is " + state.json());
      return new UpgradeResult(plan.from(), plan.to(), state, report);
    } finally {
      running.unlock();
    }
  }

  /**
   * The trial of a committed move (the new release {@code current}): the health check passes for
   * its seconds, then the release becomes permanent (unless {@code --trial} keeps it current);
   * or it fails, and the node moves back live to the release it ran, which stays permanent.
   */
  private UpgradeResult trial(UpgradeRequest request, CheckedPlan plan, TrialCheck check,
      List<String> done) throws UpgradeException {
    List<String> report = new ArrayList<>(done);
    long t0 = System.nanoTime();
    String line = "trial: " + check.describe();
    try {
      new TrialRunner(node, env, log).run(check, plan.from());
    } catch (StepException e) {
      report.add(StepRunner.format("FAILED", line, t0, log));
      moveBack(request, plan, e, report);
    }
    report.add(StepRunner.format("ok", line, t0, log));
    ReleaseState state = ReleaseState.CURRENT;
    if (!request.trial()) {
      try {
        states.makePermanent(plan.to());
        state = ReleaseState.PERMANENT;
      } catch (FormatException | IOException e) {
        throw new UpgradeException(ExitCodes.FAILED_AFTER_POINT_OF_NO_RETURN, "the node runs "
            + plan.to() + ", which passed its trial, but " + states.file() + " could not be"
            + " written (" + e + "); fix the file system, then run make_permanent " + plan.to(),
            report, e);
      }
    }
    log.println("molt: " + plan.to() + " passed its trial; it is " + state.json());
    return new UpgradeResult(plan.from(), plan.to(), state, report);
  }

  private void moveBack(UpgradeRequest request, CheckedPlan plan, StepException cause,
      List<String> report) throws UpgradeException {
    Direction back = request.direction() == Direction.UP ? Direction.DOWN : Direction.UP;
    log.println("molt: " + plan.to() + " failed its trial; moving back to " + plan.from());
    try {
      UpgradeResult result = move(new UpgradeRequest(plan.from(), back, false,
          request.hookTimeout()), false);
      report.add("  moved back to " + plan.from() + ":");
      result.report().forEach(l -> report.add("  " + l));
      states.markUnpacked(plan.to());
    } catch (UpgradeException e) {
      report.addAll(e.report());
      throw new UpgradeException(ExitCodes.ROLLBACK_FAILED, request.direction().command()
          + " to " + plan.to() + " failed its trial (" + cause.getMessage() + "), and moving"
          + " back to " + plan.from() + " failed too (" + e.getMessage() + "); " + plan.from()
          + " is still the permanent release: reboot the node (bin/<name> reboot)", report, e);
    } catch (FormatException | IOException e) {
      throw new UpgradeException(ExitCodes.FAILURE, "the node moved back to " + plan.from()
          + ", but " + states.file() + " could not mark " + plan.to() + " unpacked: " + e,
          report, e);
    }
    throw new UpgradeException(ExitCodes.TRIAL_FAILED, request.direction().command() + " to "
        + plan.to() + " failed its trial and was moved back live: the node runs " + plan.from()
        + ", permanent as before; " + plan.to() + " is unpacked: " + cause.getMessage(), report,
        cause);
  }

  /** The steps an upgrade to {@code request.version()} would run, after the check; changes nothing. */
  public List<String> plan(UpgradeRequest request) throws UpgradeException {
    CheckedPlan plan = checker.check(request);
    List<String> lines = new ArrayList<>();
    plan.steps().forEach(s -> lines.add(s.describe()));
    return lines;
  }

  /** RELEASES.json as it is now. */
  public ReleasesFile releases() throws UpgradeException {
    try {
      return states.read();
    } catch (FormatException e) {
      throw new UpgradeException(ExitCodes.FAILURE, e.getMessage(), List.of(), e);
    }
  }

  /**
   * Makes an installed release permanent: the one {@code bin/<name> start} boots. For the
   * running release on trial ({@code current}) this ends the trial; for another release it takes
   * effect at the next reboot.
   */
  public void makePermanent(String version) throws UpgradeException {
    if (!running.tryLock()) {
      throw new UpgradeException(ExitCodes.BUSY, "an upgrade is running; run make_permanent "
          + version + " once it finished", List.of());
    }
    try {
      ReleasesFile now = releases();
      Optional<InstalledRelease> release = now.release(version);
      if (release.isEmpty()) {
        throw new UpgradeException(ExitCodes.USAGE, "release " + version + " is not installed;"
            + " bin/<name> releases lists the installed ones", List.of());
      }
      if (release.get().state() != ReleaseState.PERMANENT) {
        states.makePermanent(version);
      }
    } catch (FormatException | IOException e) {
      throw new UpgradeException(ExitCodes.FAILURE, "cannot update " + states.file() + ": " + e,
          List.of(), e);
    } finally {
      running.unlock();
    }
  }

  /**
   * The seam for {@code unpack}: registers a release directory already in place under
   * {@code releases/<vsn>/} (with the lib/ directories it needs) as {@code unpacked}, after
   * reading its release.json. Does nothing for a release already listed.
   */
  public void registerUnpacked(Path releaseDir) throws UpgradeException {
    try {
      ReleaseDescriptor release = Formats.readRelease(releaseDir.resolve("release.json"));
      states.registerUnpacked(release.version());
    } catch (FormatException | IOException e) {
      throw new UpgradeException(ExitCodes.FAILURE, "cannot register " + releaseDir
          + " as unpacked: " + e.getMessage(), List.of(), e);
    }
  }

  /**
   * Verifies and unpacks an upgrade package or a whole release tarball ({@code file}, absolute)
   * into the release root; the release becomes {@code unpacked}. One command at a time with
   * upgrades, downgrades and {@link #remove}.
   *
   * @param maxBytes a cap on the bytes the extraction may write, when the operator set one
   */
  public Unpacked unpack(Path file, OptionalLong maxBytes) throws UpgradeException {
    lockOrBusy("unpack " + file);
    try {
      if (!file.isAbsolute()) {
        throw new UpgradeException(ExitCodes.USAGE, "unpack needs an absolute path, not " + file
            + " (bin/<name> unpack resolves it)", List.of());
      }
      return installations.unpack(file.normalize(), maxBytes);
    } finally {
      running.unlock();
    }
  }

  /**
   * Removes an {@code old} or {@code unpacked} release: {@code releases/<vsn>/} and the lib/
   * directories no other installed release and no live loader uses. Returns the lines to print.
   */
  public List<String> remove(String version) throws UpgradeException {
    lockOrBusy("remove " + version);
    try {
      return installations.remove(requireVersion(version));
    } finally {
      running.unlock();
    }
  }

  /**
   * {@code upgrade} or {@code downgrade}, whichever the relups say: up when the target's relup
   * upgrades from the running release, down when the running release's relup downgrades to it.
   * {@code request.direction()} is ignored.
   */
  public UpgradeResult install(UpgradeRequest request) throws UpgradeException {
    lockOrBusy("install " + request.version());
    try {
      installations.prepare("install", requireVersion(request.version()));
      Direction direction = installations.direction(request.version());
      return upgrade(new UpgradeRequest(request.version(), direction, request.trial(),
          request.hookTimeout()));
    } finally {
      running.unlock();
    }
  }

  private void lockOrBusy(String command) throws UpgradeException {
    if (!running.tryLock()) {
      throw new UpgradeException(ExitCodes.BUSY, "another upgrade or downgrade is running on "
          + node.descriptor().name() + ", or an unpack or remove; nothing was changed: wait for"
          + " it to finish, then run " + command + " again", List.of());
    }
  }

  private static String requireVersion(String version) throws UpgradeException {
    if (!version.matches("[A-Za-z0-9][A-Za-z0-9_.+-]*")) {
      throw new UpgradeException(ExitCodes.USAGE, "'" + version + "' is not a release version"
          + " (letters, digits, and . _ + - after the first)", List.of());
    }
    return version;
  }

  /**
   * Called once at boot: clears a journal left by a JVM that died mid-upgrade and says so. A
   * journal at phase {@code restart_jvm} whose target is the release this JVM booted is an
   * upgrade to finish: then {@link #finishRestart} must be called (on a thread of its own).
   *
   * @return the lines to log
   */
  public List<String> recoverAtBoot() throws UpgradeException {
    String booted = node.descriptor().version();
    try {
      // bin/<name> start removes it before it boots; a node booted otherwise must not leave it
      bootOnce.clear();
      Optional<UpgradeJournal> left = journal.read();
      if (left.isPresent() && left.get().phase() == UpgradeJournal.Phase.RESTART_JVM
          && left.get().to().equals(booted)) {
        finishing = left.get();
        return List.of("finishing the " + left.get().direction().json() + "grade "
            + left.get().from() + " -> " + booted + " (restart_jvm) once the apps have started");
      }
      return BootRecovery.recover(journal, states, booted);
    } catch (FormatException | IOException e) {
      throw new UpgradeException(ExitCodes.FAILURE, "cannot recover from "
          + journal.file() + ": " + e.getMessage(), List.of(), e);
    }
  }

  /** True when this JVM booted to finish a restart_jvm upgrade ({@link #finishRestart}). */
  public boolean finishesRestart() {
    return finishing != null;
  }

  /**
   * The second half of a {@code restart_jvm} upgrade, in the new JVM: waits (bounded) for the
   * apps to start, runs the post_upgrade hooks, then commits (RELEASES.json, the journal
   * deleted). On a failure nothing is committed, the journal says {@code rollback}, and the
   * outcome tells {@code bin/<name>} to restart the node into its permanent (old) release.
   * Holds the one-upgrade lock throughout. The outcome is what {@link #awaitRestart} answers.
   */
  public void finishRestart() {
    UpgradeJournal j = finishing;
    if (j == null) {
      return;
    }
    running.lock();
    try {
      finished.complete(new RestartFinish(node, checker, states, journal, env, log).finish(j,
          new TrialRunner(node, env, log)));
    } catch (UpgradeException e) {
      finished.completeExceptionally(e);
    } catch (RuntimeException | Error e) {
      finished.completeExceptionally(new UpgradeException(ExitCodes.ROLLED_BACK, "finishing the"
          + " upgrade to " + j.to() + " failed: " + e + "; the node goes back to " + j.from()
          + ", its permanent release, by a restart", List.of(), e));
      throw e;
    } finally {
      running.unlock();
    }
  }

  /**
   * The outcome of the restart_jvm upgrade this JVM finishes, once it is known (waits at most
   * {@code timeout}).
   *
   * @throws UpgradeException the failure ({@link ExitCodes#ROLLED_BACK}), or {@link
   *     ExitCodes#USAGE} when this JVM finishes no upgrade
   */
  public UpgradeResult awaitRestart(Duration timeout) throws UpgradeException {
    if (finishing == null) {
      throw new UpgradeException(ExitCodes.USAGE, "no upgrade is being finished in this node; it"
          + " runs " + node.descriptor().name() + " " + runningVersion() + " (bin/<name>"
          + " releases tells its state)", List.of());
    }
    try {
      return finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UpgradeException u) {
        throw u;
      }
      throw new UpgradeException(ExitCodes.ROLLED_BACK, "finishing the upgrade failed: "
          + e.getCause(), List.of(), e.getCause());
    } catch (TimeoutException e) {
      throw new UpgradeException(ExitCodes.FAILURE, "the upgrade to " + finishing.to()
          + " is still being finished after " + timeout.toSeconds() + " s; ask again"
          + " (await_upgrade), or see the node's log", List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpgradeException(ExitCodes.FAILURE, "interrupted", List.of(), e);
    }
  }

  private void registerUnpacked(String version) throws UpgradeException {
    registerUnpacked(node.root().resolve("releases").resolve(version));
  }

  private void commit(CheckedPlan plan, UpgradeJournal start, boolean trial, List<String> report)
      throws UpgradeException {
    try {
      journal.write(start.at(UpgradeJournal.Phase.COMMIT, plan.steps().size()));
      pause.at(plan.steps().size(), "commit");
      states.commit(plan.from(), plan.to(), trial);
      pause.at(-1, "committed");
      journal.clear();
    } catch (FormatException | IOException e) {
      throw new UpgradeException(ExitCodes.FAILED_AFTER_POINT_OF_NO_RETURN, "the node runs "
          + plan.to() + " but " + states.file() + " could not be written (" + e + "); fix the"
          + " file system, then run make_permanent " + plan.to(), report, e);
    }
  }
}

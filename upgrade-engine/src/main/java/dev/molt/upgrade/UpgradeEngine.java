package dev.molt.upgrade;

import dev.molt.format.FormatException;
import dev.molt.format.Formats;
import dev.molt.format.InstalledRelease;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.ReleaseState;
import dev.molt.format.ReleasesFile;
import dev.molt.format.UpgradeJournal;
import dev.molt.kernel.node.Node;
import dev.molt.upgrade.check.CheckedPlan;
import dev.molt.upgrade.check.PlanChecker;
import dev.molt.upgrade.state.BootRecovery;
import dev.molt.upgrade.state.Journal;
import dev.molt.upgrade.state.ReleaseStates;
import dev.molt.upgrade.unpack.Installations;
import dev.molt.upgrade.unpack.Unpacked;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;

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
  private final ReentrantLock running = new ReentrantLock();
  private final Installations installations;

  public UpgradeEngine(Node node, Optional<Instrumentation> instrumentation,
      Map<String, String> env, PrintStream log) {
    this.node = node;
    this.checker = new PlanChecker(node, instrumentation, env, log);
    this.states = new ReleaseStates(node.root());
    this.journal = new Journal(node.root());
    this.log = log;
    this.installations = new Installations(node, log);
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
    if (!running.tryLock()) {
      throw new UpgradeException(ExitCodes.BUSY, "another upgrade or downgrade is running on "
          + node.descriptor().name() + ", or an unpack or remove; nothing was changed: wait"
          + " for it to finish, then run " + request.direction().command() + " "
          + request.version() + " again", List.of());
    }
    try {
      List<String> prepared = installations.prepare(request.direction().command(),
          requireVersion(request.version()));
      CheckedPlan plan = checker.check(request);
      registerUnpacked(plan.to());
      UpgradeJournal start = new UpgradeJournal(node.descriptor().name(), plan.from(), plan.to(),
          request.direction() == Direction.UP ? UpgradeJournal.Direction.UP
              : UpgradeJournal.Direction.DOWN, UpgradeJournal.Phase.PRE_UPGRADE, 0);
      log.println("molt: " + request.direction().command() + " " + plan.from() + " -> "
          + plan.to() + " begins");
      StepRunner runner = new StepRunner(journal, log);
      runner.run(plan, start);
      commit(plan, start, request.trial(), runner.report());
      ReleaseState state = request.trial() ? ReleaseState.CURRENT : ReleaseState.PERMANENT;
      log.println("molt: " + request.direction().command() + " to " + plan.to()
          + " committed; " + plan.to() + " is " + state.json());
      List<String> report = new ArrayList<>();
      prepared.forEach(line -> report.add("  ok      " + line));
      report.addAll(runner.report());
      return new UpgradeResult(plan.from(), plan.to(), state, report);
    } finally {
      running.unlock();
    }
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

  /** Called once at boot: clears a journal left by a JVM that died mid-upgrade and says so. */
  public List<String> recoverAtBoot() throws UpgradeException {
    try {
      return BootRecovery.recover(journal, states, node.descriptor().version());
    } catch (FormatException | IOException e) {
      throw new UpgradeException(ExitCodes.FAILURE, "cannot recover from "
          + journal.file() + ": " + e.getMessage(), List.of(), e);
    }
  }

  private void registerUnpacked(String version) throws UpgradeException {
    registerUnpacked(node.root().resolve("releases").resolve(version));
  }

  private void commit(CheckedPlan plan, UpgradeJournal start, boolean trial, List<String> report)
      throws UpgradeException {
    try {
      journal.write(start.at(UpgradeJournal.Phase.COMMIT, plan.steps().size()));
      states.commit(plan.from(), plan.to(), trial);
      journal.clear();
    } catch (FormatException | IOException e) {
      throw new UpgradeException(ExitCodes.FAILED_AFTER_POINT_OF_NO_RETURN, "the node runs "
          + plan.to() + " but " + states.file() + " could not be written (" + e + "); fix the"
          + " file system, then run make_permanent " + plan.to(), report, e);
    }
  }
}

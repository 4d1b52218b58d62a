package dev.molt.upgrade.step;

import dev.molt.format.UpgradeJournal;
import dev.molt.upgrade.state.BootOnce;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code restart_jvm}: the last step this JVM runs of a plan that needs a new JVM (a structural
 * change of a plain {@code main} app, a new kernel or runtime). It marks the new release to be
 * booted once ({@code releases/BOOT_ONCE}, read and removed by the next {@code bin/<name> start});
 * the engine then answers the command so that {@code bin/<name>} stops this node and starts it
 * again, and the new JVM finishes the upgrade. RELEASES.json does not change here: a new JVM
 * that does not come up, or a second restart, boots the permanent release. Undo removes the mark.
 */
public final class RestartJvmStep implements Step {
  private final BootOnce bootOnce;
  private final String version;
  private final String reason;

  public RestartJvmStep(BootOnce bootOnce, String version, String reason) {
    this.bootOnce = bootOnce;
    this.version = version;
    this.reason = reason;
  }

  /** The release the new JVM boots. */
  public String version() {
    return version;
  }

  @Override
  public String describe() {
    return "restart_jvm (" + reason + "): the node restarts into " + version;
  }

  @Override
  public void run() throws StepException {
    try {
      bootOnce.mark(version);
    } catch (IOException e) {
      throw new StepException("cannot write " + bootOnce.file() + ": " + e
          + "; make releases/ writable", e);
    }
  }

  @Override
  public void undo() throws StepException {
    try {
      bootOnce.clear();
    } catch (IOException e) {
      throw new StepException("cannot delete " + bootOnce.file() + ": " + e
          + "; delete it by hand, or the next start boots " + version + " once", e);
    }
  }

  @Override
  public Optional<UpgradeJournal.Phase> journalPhase() {
    return Optional.of(UpgradeJournal.Phase.RESTART_JVM);
  }
}

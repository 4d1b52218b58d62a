package dev.molt.upgrade.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.format.Formats;
import dev.molt.format.ReleasesFile;
import dev.molt.format.UpgradeJournal;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootRecoveryTest {
  @TempDir Path root;
  private ReleaseStates states;
  private Journal journal;

  @BeforeEach
  void files() throws Exception {
    Formats.writeReleases(root.resolve("releases/RELEASES.json"),
        ReleasesFile.initial("book_app", "0.1.0"));
    states = new ReleaseStates(root);
    journal = new Journal(root);
  }

  @Test
  void noJournal_nothingToSay() throws Exception {
    assertThat(BootRecovery.recover(journal, states, "0.1.0")).isEmpty();
  }

  @Test
  void journalOfAnInterruptedUpgrade_isReportedAndCleared() throws Exception {
    journal.write(new UpgradeJournal("book_app", "0.1.0", "0.2.0", UpgradeJournal.Direction.UP,
        UpgradeJournal.Phase.POST_UPGRADE, 3));
    assertThat(BootRecovery.recover(journal, states, "0.1.0")).singleElement().asString()
        .contains("upgrade 0.1.0 -> 0.2.0 was interrupted", "phase post_upgrade, step 3",
            "booted 0.1.0");
    assertThat(journal.file()).doesNotExist();
  }

  @Test
  void journalOfACommittedUpgrade_saysItCommitted() throws Exception {
    journal.write(new UpgradeJournal("book_app", "0.2.0", "0.1.0", UpgradeJournal.Direction.DOWN,
        UpgradeJournal.Phase.COMMIT, 4));
    assertThat(BootRecovery.recover(journal, states, "0.1.0")).singleElement().asString()
        .contains("downgrade 0.2.0 -> 0.1.0 had committed");
    assertThat(journal.file()).doesNotExist();
  }

  @Test
  void journalOfARestartJvmWhoseReleaseDidNotComeUp_saysSo() throws Exception {
    journal.write(new UpgradeJournal("book_app", "0.1.0", "0.2.0", UpgradeJournal.Direction.UP,
        UpgradeJournal.Phase.RESTART_JVM, 1));
    assertThat(BootRecovery.recover(journal, states, "0.1.0")).singleElement().asString()
        .contains("upgrade 0.1.0 -> 0.2.0 restarts the JVM, and 0.2.0 did not come up",
            "booted 0.1.0, its permanent release");
    assertThat(journal.file()).doesNotExist();
  }

  @Test
  void bootOnce_marksReadsAndClears() throws Exception {
    BootOnce once = new BootOnce(root);
    assertThat(once.read()).isEmpty();
    once.mark("0.2.0");
    assertThat(once.read()).contains("0.2.0");
    assertThat(java.nio.file.Files.readString(once.file())).isEqualTo("0.2.0\n");
    once.clear();
    assertThat(once.file()).doesNotExist();
  }

  @Test
  void markUnpacked_putsATriedReleaseBack() throws Exception {
    states.registerUnpacked("0.2.0");
    states.commit("0.1.0", "0.2.0", true);
    states.markUnpacked("0.2.0");
    assertThat(states.read().release("0.2.0").orElseThrow().state())
        .isEqualTo(dev.molt.format.ReleaseState.UNPACKED);
    assertThat(states.read().permanent().version()).isEqualTo("0.1.0");
  }
}

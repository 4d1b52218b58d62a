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
}

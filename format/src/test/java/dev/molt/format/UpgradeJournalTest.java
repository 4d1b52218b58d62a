package dev.molt.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpgradeJournalTest {
  @TempDir Path dir;

  private static UpgradeJournal sample() {
    return new UpgradeJournal("book_app", "0.1.0", "0.2.0", UpgradeJournal.Direction.UP,
        UpgradeJournal.Phase.STEPS, 2);
  }

  @Test
  void journal_writeThenRead_isTheSame() throws Exception {
    Path file = dir.resolve("upgrade.journal.json");
    Formats.writeJournal(file, sample());
    assertThat(Formats.readJournal(file)).isEqualTo(sample());
    assertThat(Files.readString(file)).contains("\"phase\" : \"steps\"", "\"direction\" : \"up\"");
  }

  @Test
  void journal_restartJvmWithTrial_roundTrips_andTrialIsWrittenOnlyWhenTrue() throws Exception {
    Path file = dir.resolve("upgrade.journal.json");
    UpgradeJournal restart = new UpgradeJournal("plain_app", "1.1.0", "1.2.0",
        UpgradeJournal.Direction.UP, UpgradeJournal.Phase.RESTART_JVM, 1, true);
    Formats.writeJournal(file, restart);
    assertThat(Formats.readJournal(file)).isEqualTo(restart);
    assertThat(Files.readString(file)).contains("\"phase\" : \"restart_jvm\"", "\"trial\" : true");
    assertThat(restart.at(UpgradeJournal.Phase.POST_UPGRADE, 1).trial()).isTrue();
    Formats.writeJournal(file, sample());
    assertThat(Files.readString(file)).doesNotContain("trial");
  }

  @Test
  void journal_unknownPhase_isNamedWithTheAllowedOnes() throws Exception {
    Path file = dir.resolve("upgrade.journal.json");
    Formats.writeJournal(file, sample());
    Files.writeString(file, Files.readString(file).replace("\"steps\"", "\"dancing\""));
    assertThatThrownBy(() -> Formats.readJournal(file)).isInstanceOf(FormatException.class)
        .hasMessageContaining("upgrade.journal.json").hasMessageContaining("phase")
        .hasMessageContaining("dancing").hasMessageContaining("pre_upgrade, steps");
  }

  @Test
  void journal_sameFromAndTo_isRefused() throws Exception {
    Path file = dir.resolve("upgrade.journal.json");
    Formats.writeJournal(file, sample());
    Files.writeString(file, Files.readString(file).replace("\"0.2.0\"", "\"0.1.0\""));
    assertThatThrownBy(() -> Formats.readJournal(file)).isInstanceOf(FormatException.class)
        .hasMessageContaining("from and to are both 0.1.0");
  }

  @Test
  void journal_negativeStep_isRefused() {
    assertThatThrownBy(() -> sample().at(UpgradeJournal.Phase.ROLLBACK, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
  }
}

package dev.molt.upgrade.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.format.Formats;
import dev.molt.format.ReleaseState;
import dev.molt.format.ReleasesFile;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseStatesTest {
  @TempDir Path root;
  private ReleaseStates states;

  @BeforeEach
  void initialFile() throws Exception {
    Formats.writeReleases(root.resolve("releases/RELEASES.json"),
        ReleasesFile.initial("book_app", "0.1.0"));
    states = new ReleaseStates(root);
  }

  private ReleaseState state(String version) throws Exception {
    return states.read().release(version).orElseThrow().state();
  }

  @Test
  void registerUnpacked_addsTheRelease_once() throws Exception {
    states.registerUnpacked("0.2.0");
    states.registerUnpacked("0.2.0");
    assertThat(state("0.2.0")).isEqualTo(ReleaseState.UNPACKED);
    assertThat(states.read().releases()).hasSize(2);
  }

  @Test
  void commit_withoutTrial_newIsPermanent_oldIsOld() throws Exception {
    states.registerUnpacked("0.2.0");
    states.commit("0.1.0", "0.2.0", false);
    assertThat(state("0.2.0")).isEqualTo(ReleaseState.PERMANENT);
    assertThat(state("0.1.0")).isEqualTo(ReleaseState.OLD);
  }

  @Test
  void commit_onTrial_newIsCurrent_permanentStays_thenMakePermanentSwaps() throws Exception {
    states.registerUnpacked("0.2.0");
    states.commit("0.1.0", "0.2.0", true);
    assertThat(state("0.2.0")).isEqualTo(ReleaseState.CURRENT);
    assertThat(state("0.1.0")).isEqualTo(ReleaseState.PERMANENT);
    states.makePermanent("0.2.0");
    assertThat(state("0.2.0")).isEqualTo(ReleaseState.PERMANENT);
    assertThat(state("0.1.0")).isEqualTo(ReleaseState.OLD);
  }

  @Test
  void downgradeCommit_targetPermanentAgain_sourceOld() throws Exception {
    states.registerUnpacked("0.2.0");
    states.commit("0.1.0", "0.2.0", false);
    states.commit("0.2.0", "0.1.0", false);
    assertThat(state("0.1.0")).isEqualTo(ReleaseState.PERMANENT);
    assertThat(state("0.2.0")).isEqualTo(ReleaseState.OLD);
  }

  @Test
  void demoteCurrentOtherThan_aTrialNotBooted_isUnpackedAgain() throws Exception {
    states.registerUnpacked("0.2.0");
    states.commit("0.1.0", "0.2.0", true);
    assertThat(states.demoteCurrentOtherThan("0.1.0")).isTrue();
    assertThat(state("0.2.0")).isEqualTo(ReleaseState.UNPACKED);
    assertThat(states.demoteCurrentOtherThan("0.1.0")).isFalse();
  }
}

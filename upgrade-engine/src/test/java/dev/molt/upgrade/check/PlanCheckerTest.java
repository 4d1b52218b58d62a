package dev.molt.upgrade.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlanCheckerTest {
  private static final Path RELUP = Path.of("/srv/shop/releases/1.0.1/relup.json");

  @Test
  void noRelup_upgrade_namesTheUpgradePackageBuildAndHowToInstallIt() {
    assertThat(PlanChecker.noRelup(RELUP, "shop", "1.0.0", "1.0.1", true))
        .startsWith("no relup " + RELUP + ": release 1.0.1 was installed without one")
        .contains("a release tarball holds none",
            "mvn package molt:release molt:upgrade-package -Dmolt.env=prod -Dmolt.upfrom=<shop-1.0.0.tar.gz>",
            "bin/shop remove 1.0.1 and bin/shop unpack shop-1.0.1-upgrade.tar.gz")
        .doesNotContain("molt relup");
  }

  @Test
  void noRelup_downgrade_saysTheRunningReleaseLacksItAndHowToMoveBackInANewJvm() {
    assertThat(PlanChecker.noRelup(RELUP, "shop", "1.0.1", "1.0.0", false))
        .contains("the running release 1.0.1 was installed without one",
            "no plan leads down to 1.0.0", "bin/shop make_permanent 1.0.0, then bin/shop reboot");
  }
}

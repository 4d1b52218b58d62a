package dev.molt.upgrade.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.upgrade.Direction;
import dev.molt.upgrade.UpgradeRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineCommandsTest {
  @Test
  void parse_versionTrialAndHookTimeout() {
    UpgradeRequest r = EngineCommands.parse(List.of("0.2.0", "--trial", "--hook-timeout", "5"),
        Direction.UP);
    assertThat(r).isEqualTo(new UpgradeRequest("0.2.0", Direction.UP, true, Duration.ofSeconds(5)));
  }

  @Test
  void parse_noVersion_givesTheUsage() {
    assertThatThrownBy(() -> EngineCommands.parse(List.of(), Direction.DOWN))
        .hasMessageContaining("usage: downgrade <vsn>");
  }

  @Test
  void parse_badTimeout_saysWhatIsAllowed() {
    assertThatThrownBy(() -> EngineCommands.parse(List.of("0.2.0", "--hook-timeout", "soon"),
        Direction.UP)).hasMessageContaining("whole seconds from 1 to 86400, not 'soon'");
  }

  @Test
  void parse_twoVersions_isRefused() {
    assertThatThrownBy(() -> EngineCommands.parse(List.of("0.2.0", "0.3.0"), Direction.UP))
        .hasMessageContaining("unexpected argument '0.3.0'");
  }
}

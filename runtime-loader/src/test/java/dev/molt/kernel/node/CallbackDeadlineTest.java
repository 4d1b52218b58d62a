package dev.molt.kernel.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where the app callbacks' deadline comes from: the property, else MOLT_APP_TIMEOUT, else 30 s. */
class CallbackDeadlineTest {
  @AfterEach
  void clearProperty() {
    System.clearProperty(CallbackDeadline.PROPERTY);
  }

  @Test
  void from_nothingSet_is30Seconds() throws Exception {
    assertThat(CallbackDeadline.from(Map.of())).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void from_environmentVariable_used_propertyWins() throws Exception {
    assertThat(CallbackDeadline.from(Map.of("MOLT_APP_TIMEOUT", "7"))).isEqualTo(Duration.ofSeconds(7));
    System.setProperty(CallbackDeadline.PROPERTY, "3");
    assertThat(CallbackDeadline.from(Map.of("MOLT_APP_TIMEOUT", "7"))).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void from_zeroOrNotANumber_refusedNamingTheSetting() {
    assertThatThrownBy(() -> CallbackDeadline.from(Map.of("MOLT_APP_TIMEOUT", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MOLT_APP_TIMEOUT is '0'; give the app callbacks' deadline in whole seconds");
    System.setProperty(CallbackDeadline.PROPERTY, "soon");
    assertThatThrownBy(() -> CallbackDeadline.from(Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("-Dmolt.app.timeout is 'soon'");
  }
}

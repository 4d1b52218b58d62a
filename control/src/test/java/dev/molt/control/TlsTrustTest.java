package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TlsTrustTest {
  private static final String PIN =
      "88:D5:17:6F:C2:67:BB:5E:E7:A7:28:3A:13:93:C4:B2:A0:95:17:CF:44:03:75:52:9F:F0:61:62:7B:63:46:74";

  @Test
  void pinned_acceptsTheFormsKeytoolPrints() throws Exception {
    assertThat(TlsTrust.pinned(PIN).getProtocol()).isEqualTo("TLSv1.3");
    assertThat(TlsTrust.pinned("\t SHA256: " + PIN + "\n")).isNotNull();
    assertThat(TlsTrust.pinned(PIN.replace(":", "").toLowerCase(java.util.Locale.ROOT))).isNotNull();
  }

  @Test
  void pinned_notAFingerprint_saysWhatIsExpected() {
    assertThatThrownBy(() -> TlsTrust.pinned("SHA1: 88:D5")).isInstanceOf(ControlException.class)
        .hasMessage("'SHA1: 88:D5' is not a SHA-256 fingerprint; give the 32 bytes in hex as keytool -list -v"
            + " prints them (SHA256: AB:CD:...)");
    assertThatThrownBy(() -> TlsTrust.pinned(PIN.substring(3))).isInstanceOf(ControlException.class);
  }
}

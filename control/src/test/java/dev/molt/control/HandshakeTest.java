package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HandshakeTest {
  private final byte[] cookie = "c".getBytes(StandardCharsets.UTF_8);
  private final byte[] server = Handshake.nonce();
  private final byte[] client = Handshake.nonce();

  @Test
  void nonce_isFreshEachTime() {
    assertThat(Handshake.nonce()).hasSize(32).isNotEqualTo(Handshake.nonce());
  }

  @Test
  void mac_dependsOnEveryInput() {
    byte[] base = Handshake.mac(cookie, Handshake.CLIENT, server, client);
    assertThat(base).hasSize(32).isEqualTo(Handshake.mac(cookie, Handshake.CLIENT, server, client));
    assertThat(Handshake.mac(cookie, Handshake.SERVER, server, client)).isNotEqualTo(base);
    assertThat(Handshake.mac(cookie, Handshake.CLIENT, Handshake.nonce(), client)).isNotEqualTo(base);
    assertThat(Handshake.mac(cookie, Handshake.CLIENT, server, Handshake.nonce())).isNotEqualTo(base);
    assertThat(Handshake.mac("d".getBytes(StandardCharsets.UTF_8), Handshake.CLIENT, server, client))
        .isNotEqualTo(base);
  }
}

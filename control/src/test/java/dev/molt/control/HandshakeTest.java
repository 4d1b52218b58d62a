package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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

  /** The vector of docs/control-channel.md, computed with an independent HMAC implementation. */
  @Test
  void proofs_matchKnownAnswers() {
    HexFormat hex = HexFormat.of();
    byte[] ns = FrameSealTest.SERVER_NONCE;
    byte[] nc = FrameSealTest.CLIENT_NONCE;
    assertThat(hex.formatHex(Handshake.mac(FrameSealTest.COOKIE, Handshake.CLIENT, ns, nc)))
        .isEqualTo("7cce40735e2a96f9701dfedebb6e37008395f74b46b9e97c727cfda034fe504a");
    assertThat(hex.formatHex(Handshake.mac(FrameSealTest.COOKIE, Handshake.SERVER, ns, nc)))
        .isEqualTo("c80c81ac6b7a4ec5c9f51994bd9a128df458369700ae0bf9824ac3ce68bc1646");
  }
}

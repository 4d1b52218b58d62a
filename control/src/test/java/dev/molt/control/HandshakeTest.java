package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

  /**
   * The known-answer vector of docs/control-channel.md ("Handshake"): the cookie
   * {@code molt-test-cookie}, Ns = 00 01 … 1f, Nc = 20 21 … 3f. The expected MACs are written out
   * as in the docs and also recomputed here from the documented byte layout with a plain
   * {@link Mac}, so a change of the construction (order, label, version or role byte) fails.
   */
  @Test
  void mac_matchesTheDocumentedKnownAnswerVector() throws Exception {
    byte[] docCookie = "molt-test-cookie".getBytes(StandardCharsets.US_ASCII);
    byte[] ns = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    byte[] nc = HexFormat.of().parseHex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
    String client = "8fb31fb051a885c8950d43ce148132639c3b451017f30d73fa3ef517889ae8f7";
    String server = "5199f0f3c55b3b9e33edf6df0400a21d79eb1361aa3bcb9b4ce59de1aa5b68bb";

    assertThat(hmacOfDocumentedLayout(docCookie, 'C', ns, nc)).isEqualTo(client);
    assertThat(hmacOfDocumentedLayout(docCookie, 'S', ns, nc)).isEqualTo(server);
    assertThat(HexFormat.of().formatHex(Handshake.mac(docCookie, Handshake.CLIENT, ns, nc)))
        .isEqualTo(client);
    assertThat(HexFormat.of().formatHex(Handshake.mac(docCookie, Handshake.SERVER, ns, nc)))
        .isEqualTo(server);
  }

  /** HMAC-SHA256(cookie, "molt-control" ‖ 0x02 ‖ role ‖ Ns ‖ Nc), as the docs write it. */
  private static String hmacOfDocumentedLayout(byte[] key, char role, byte[] ns, byte[] nc)
      throws Exception {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    message.writeBytes("molt-control".getBytes(StandardCharsets.US_ASCII));
    message.write(0x02);
    message.write(role);
    message.writeBytes(ns);
    message.writeBytes(nc);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.toByteArray()));
  }
}

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
    String client = "4e6556c84ba457d5f3d0eca00cab31004ac91c9d32d1ed4ad931745923911050";
    String server = "f28224e415fa919df72ee22c1fd680ce40980d69792fd55f5e0f3248640500a4";

    assertThat(hmacOfDocumentedLayout(docCookie, 'C', ns, nc)).isEqualTo(client);
    assertThat(hmacOfDocumentedLayout(docCookie, 'S', ns, nc)).isEqualTo(server);
    assertThat(HexFormat.of().formatHex(Handshake.mac(docCookie, Handshake.CLIENT, ns, nc)))
        .isEqualTo(client);
    assertThat(HexFormat.of().formatHex(Handshake.mac(docCookie, Handshake.SERVER, ns, nc)))
        .isEqualTo(server);
  }

  /** HMAC-SHA256(cookie, "molt-control" ‖ 0x01 ‖ role ‖ Ns ‖ Nc), as the docs write it. */
  private static String hmacOfDocumentedLayout(byte[] key, char role, byte[] ns, byte[] nc)
      throws Exception {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    message.writeBytes("molt-control".getBytes(StandardCharsets.US_ASCII));
    message.write(0x01);
    message.write(role);
    message.writeBytes(ns);
    message.writeBytes(nc);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.toByteArray()));
  }
}

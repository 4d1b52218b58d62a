package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The frame MAC against the known-answer vector of docs/control-channel.md (computed independently). */
class FrameSealTest {
  static final byte[] COOKIE = "molt-kat-cookie".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SERVER_NONCE = bytes(0x00);
  static final byte[] CLIENT_NONCE = bytes(0x20);
  private static final HexFormat HEX = HexFormat.of();

  /** 32 bytes counting up from {@code first}. */
  static byte[] bytes(int first) {
    byte[] b = new byte[32];
    IntStream.range(0, 32).forEach(i -> b[i] = (byte) (first + i));
    return b;
  }

  private static byte[] pingRequest() {
    return Messages.request(FrameType.REQUEST, Request.of("ping")).payload();
  }

  @Test
  void sessionKey_matchesKnownAnswer() {
    assertThat(HEX.formatHex(FrameSeal.sessionKey(COOKIE, SERVER_NONCE, CLIENT_NONCE)))
        .isEqualTo("21147fc2adaf5196b6161d7a7a0fbdd3a1b5f41195f6c5a09faead85f616a19b");
  }

  @Test
  void sealedPingRequest_matchesKnownAnswer_forSequence0And1() {
    FrameSeal seal = new FrameSeal(FrameSeal.sessionKey(COOKIE, SERVER_NONCE, CLIENT_NONCE), Handshake.CLIENT);
    byte[] first = FrameWriter.encodeSealed(seal, Protocol.VERSION, FrameType.REQUEST.code, pingRequest());
    byte[] second = FrameWriter.encodeSealed(seal, Protocol.VERSION, FrameType.REQUEST.code, pingRequest());

    assertThat(HEX.formatHex(first)).isEqualTo("0000002f02050000000470696e670000000000"
        + "27882e17d5dcc2a373a8ab00a2c187db41785f2537c1f7b913a4069d11aa69f1");
    assertThat(HEX.formatHex(Arrays.copyOfRange(second, second.length - 32, second.length)))
        .isEqualTo("3ca9dd9675cb70bfb3211b806e2690ddeef06ef54cabf0a6c9350dff6cd6b558");
  }

  @Test
  void verify_otherDirection_orChangedHeader_fails() {
    byte[] key = FrameSeal.sessionKey(COOKIE, SERVER_NONCE, CLIENT_NONCE);
    byte[] frame = FrameWriter.encodeSealed(new FrameSeal(key, Handshake.CLIENT), Protocol.VERSION,
        FrameType.REQUEST.code, pingRequest());
    byte[] header = Arrays.copyOf(frame, Protocol.HEADER_BYTES);
    byte[] payload = Arrays.copyOfRange(frame, Protocol.HEADER_BYTES, frame.length - 32);
    byte[] mac = Arrays.copyOfRange(frame, frame.length - 32, frame.length);

    assertThatThrownBy(() -> new FrameSeal(key, Handshake.SERVER).verify(header, payload, mac, FrameType.REQUEST))
        .as("a client frame reflected as a server frame").isInstanceOf(FrameAuthenticationException.class);
    header[5] = (byte) FrameType.STREAM_OPEN.code;
    assertThatThrownBy(() -> new FrameSeal(key, Handshake.CLIENT).verify(header, payload, mac, FrameType.STREAM_OPEN))
        .as("a REQUEST turned into a STREAM_OPEN").isInstanceOf(FrameAuthenticationException.class)
        .hasMessageContaining("STREAM_OPEN frame number 0");
  }
}

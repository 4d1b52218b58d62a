package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameReaderTest {
  private static Optional<Frame> decode(byte[] bytes, int max) throws Exception {
    return new FrameReader(new ByteArrayInputStream(bytes)).read(max);
  }

  @Test
  void read_writtenFrame_roundTrips() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new FrameWriter(out).write(FrameType.REQUEST, new byte[] {1, 2, 3});
    Frame frame = decode(out.toByteArray(), 100).orElseThrow();
    assertThat(frame.type()).isEqualTo(FrameType.REQUEST);
    assertThat(frame.payload()).containsExactly(1, 2, 3);
  }

  @Test
  void read_emptyStream_isCleanEnd() throws Exception {
    assertThat(decode(new byte[0], 100)).isEmpty();
  }

  @Test
  void read_payloadOverLimit_failsBeforeReadingIt() {
    byte[] header = Arrays.copyOf(FrameWriter.encode(Protocol.VERSION, FrameType.REQUEST.code, new byte[0]), 6);
    header[0] = 0x00;
    header[1] = 0x10; // 1 MiB + 3 announced: one payload byte over, no payload follows
    header[3] = 0x03;
    assertThatThrownBy(() -> decode(header, 1 << 20)).isInstanceOf(FrameTooLargeException.class)
        .hasMessageContaining("1048577 bytes exceeds the limit of 1048576");
  }

  @Test
  void read_hugeLengthField_isTooLargeNotAnAllocation() {
    byte[] bytes = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, Protocol.VERSION, 5};
    assertThatThrownBy(() -> decode(bytes, 1 << 20)).isInstanceOf(FrameTooLargeException.class);
  }

  @Test
  void read_unknownVersion_namesTheVersion() {
    byte[] bytes = FrameWriter.encode(9, FrameType.HELLO.code, new byte[32]);
    assertThatThrownBy(() -> decode(bytes, 100)).isInstanceOfSatisfying(UnsupportedVersionException.class,
        e -> assertThat(e.version()).isEqualTo(9)).hasMessageContaining("protocol version 9");
  }

  @Test
  void read_unknownType_isMalformed() {
    byte[] bytes = FrameWriter.encode(Protocol.VERSION, 99, new byte[0]);
    assertThatThrownBy(() -> decode(bytes, 100)).isInstanceOf(MalformedFrameException.class)
        .hasMessageContaining("unknown frame type 99");
  }

  @Test
  void read_lengthShorterThanHeader_isMalformed() {
    assertThatThrownBy(() -> decode(new byte[] {0, 0, 0, 1, 1}, 100)).isInstanceOf(MalformedFrameException.class);
  }

  @Test
  void read_streamEndsInHeader_isTruncated() {
    assertThatThrownBy(() -> decode(new byte[] {0, 0}, 100)).isInstanceOf(TruncatedFrameException.class);
  }

  @Test
  void read_streamEndsInPayload_isTruncated() {
    byte[] whole = FrameWriter.encode(Protocol.VERSION, FrameType.REQUEST.code, new byte[50]);
    assertThatThrownBy(() -> decode(Arrays.copyOf(whole, 30), 100)).isInstanceOf(TruncatedFrameException.class)
        .hasMessageContaining("24 of 50 payload bytes");
  }
}

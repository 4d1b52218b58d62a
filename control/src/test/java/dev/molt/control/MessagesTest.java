package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void request_roundTrips_withUnicodeArgsAndInput() throws Exception {
    Request request = new Request("rpc", List.of("Tasks.migrate", "é ✓", ""), Optional.of("line1\nline2"));
    assertThat(Messages.request(Messages.request(FrameType.REQUEST, request))).isEqualTo(request);
  }

  @Test
  void response_roundTrips_withCauseChain() throws Exception {
    Response response = Response.thrown(new IllegalStateException("outer", new RuntimeException()));
    Response decoded = Messages.response(Messages.response(response));
    assertThat(decoded).isEqualTo(response);
    assertThat(decoded.thrown()).extracting(RemoteThrowable::className)
        .containsExactly("java.lang.IllegalStateException", "java.lang.RuntimeException");
    assertThat(decoded.thrown().get(1).message()).isEmpty();
  }

  @Test
  void error_unknownCode_readsAsOther() throws Exception {
    Frame frame = new Frame(FrameType.ERROR, new PayloadWriter().u8(200).string("later").toBytes());
    assertThat(Messages.error(frame)).isEqualTo(new Messages.Error(ErrorCode.OTHER, "later"));
  }

  @Test
  void request_trailingBytes_isMalformed() {
    byte[] payload = new PayloadWriter().string("ping").strings(List.of()).u8(0).u8(7).toBytes();
    assertThatThrownBy(() -> Messages.request(new Frame(FrameType.REQUEST, payload)))
        .isInstanceOf(MalformedFrameException.class).hasMessageContaining("trailing");
  }

  @Test
  void request_invalidUtf8_isMalformed() {
    byte[] payload = new PayloadWriter().blob(new byte[] {(byte) 0xC3, (byte) 0x28}).strings(List.of()).u8(0)
        .toBytes();
    assertThatThrownBy(() -> Messages.request(new Frame(FrameType.REQUEST, payload)))
        .isInstanceOf(MalformedFrameException.class).hasMessageContaining("UTF-8");
  }

  @Test
  void request_forgedHugeArgCount_isMalformedWithoutAllocating() {
    byte[] payload = new PayloadWriter().string("rpc").i32(Integer.MAX_VALUE).toBytes();
    assertThatThrownBy(() -> Messages.request(new Frame(FrameType.REQUEST, payload)))
        .isInstanceOf(MalformedFrameException.class).hasMessageContaining("string count");
  }

  @Test
  void request_blankCommand_isMalformed() {
    byte[] payload = new PayloadWriter().string(" ").strings(List.of()).u8(0).toBytes();
    assertThatThrownBy(() -> Messages.request(new Frame(FrameType.REQUEST, payload)))
        .isInstanceOf(MalformedFrameException.class).hasMessageContaining("blank command");
  }

  @Test
  void chunk_roundTrips() throws Exception {
    Messages.Chunk chunk = Messages.chunk(Messages.chunk(1, new byte[] {9, 8, 7, 6}, 1, 2));
    assertThat(chunk.channel()).isEqualTo(1);
    assertThat(chunk.bytes()).containsExactly(8, 7);
  }
}

package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After the handshake every frame must carry the session's MAC in order; nothing else runs. */
class FrameSealIT {
  @TempDir Path dir;

  private Path socket() {
    return dir.resolve("ctl.sock");
  }

  private static byte[] sealed(FrameSeal seal, String command) {
    return FrameWriter.encodeSealed(seal, Protocol.VERSION, FrameType.REQUEST.code,
        Messages.request(FrameType.REQUEST, Request.of(command)).payload());
  }

  private static void assertRejected(RawPeer peer) throws Exception {
    Messages.Error error = peer.error();
    assertThat(error.code()).isEqualTo(ErrorCode.FRAME_AUTHENTICATION_FAILED);
    assertThat(error.message()).contains("does not verify");
    assertThat(peer.closedByServer()).isTrue();
  }

  @Test
  void correctlySealedFrames_areServed() throws Exception {
    try (TestNode node = new TestNode(socket()); RawPeer peer = new RawPeer(socket())) {
      peer.authenticate(TestNode.COOKIE);
      FrameSeal seal = peer.forger();
      peer.sendRaw(sealed(seal, "ping"));
      peer.sendRaw(sealed(seal, "pong"));
      assertThat(Messages.response(peer.next().orElseThrow()).output()).isEqualTo("ping ");
      assertThat(Messages.response(peer.next().orElseThrow()).output()).isEqualTo("pong ");
      assertThat(node.calls).hasValue(2);
    }
  }

  @Test
  void tamperedFrame_isRejected() throws Exception {
    try (TestNode node = new TestNode(socket()); RawPeer peer = new RawPeer(socket())) {
      peer.authenticate(TestNode.COOKIE);
      byte[] frame = sealed(peer.forger(), "ping");
      frame[Protocol.HEADER_BYTES + 5] ^= 1; // "ping" becomes "qing"
      peer.sendRaw(frame);
      assertRejected(peer);
      assertThat(node.calls).hasValue(0);
      assertThat(node.awaitEvent(ControlEvent.Kind.PROTOCOL_ERROR)).isTrue();
    }
  }

  @Test
  void replayedFrame_isRejected() throws Exception {
    try (TestNode node = new TestNode(socket()); RawPeer peer = new RawPeer(socket())) {
      peer.authenticate(TestNode.COOKIE);
      byte[] frame = sealed(peer.forger(), "ping");
      peer.sendRaw(frame);
      assertThat(peer.next().orElseThrow().type()).isEqualTo(FrameType.RESPONSE);
      peer.sendRaw(frame);
      assertRejected(peer);
      assertThat(node.calls).hasValue(1);
    }
  }

  @Test
  void reorderedFrames_areRejected() throws Exception {
    try (TestNode node = new TestNode(socket()); RawPeer peer = new RawPeer(socket())) {
      peer.authenticate(TestNode.COOKIE);
      FrameSeal seal = peer.forger();
      byte[] first = sealed(seal, "first");
      byte[] second = sealed(seal, "second");
      peer.sendRaw(second);
      try {
        peer.sendRaw(first);
      } catch (java.io.IOException closed) {
        // the server may have rejected "second" and closed already: that is the rejection
      }
      assertRejected(peer);
      assertThat(node.calls).hasValue(0);
    }
  }

  @Test
  void unsealedFrameAfterHandshake_isRejected() throws Exception {
    try (TestNode node = new TestNode(socket()); RawPeer peer = new RawPeer(socket())) {
      peer.authenticate(TestNode.COOKIE);
      byte[] plain = FrameWriter.encode(Protocol.VERSION, FrameType.REQUEST.code,
          Messages.request(FrameType.REQUEST, Request.of("stop", "now, with enough bytes for a MAC")).payload());
      peer.sendRaw(plain);
      assertRejected(peer);
      assertThat(node.calls).hasValue(0);
    }
  }
}

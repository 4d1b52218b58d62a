package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything a stranger or a broken peer may try; the handler must never run for them. */
class ControlSecurityIT {
  @TempDir Path dir;

  private Path socket() {
    return dir.resolve("tmp").resolve("ctl.sock");
  }

  private static byte[] request(String command) {
    return Messages.request(FrameType.REQUEST, Request.of(command)).payload();
  }

  @Test
  void connect_wrongCookie_isRejectedAndLogged() throws Exception {
    try (TestNode node = new TestNode(socket())) {
      byte[] wrong = "not-the-cookie".getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> ControlClient.connect(socket(), wrong, Duration.ofSeconds(5)))
          .isInstanceOf(AuthenticationException.class)
          .hasMessage("the node rejected the cookie; check releases/COOKIE or MOLT_COOKIE");
      assertThat(node.awaitEvent(ControlEvent.Kind.AUTHENTICATION_FAILED)).isTrue();
      assertThat(node.events).filteredOn(e -> e.kind() == ControlEvent.Kind.AUTHENTICATION_FAILED)
          .allSatisfy(e -> assertThat(e.toString()).doesNotContain(TestNode.COOKIE));
      assertThat(node.calls).hasValue(0);
    }
  }

  @Test
  void connect_emptyCookie_failsBeforeConnecting() throws Exception {
    try (TestNode node = new TestNode(socket())) {
      assertThatThrownBy(() -> ControlClient.connect(socket(), new byte[0], Duration.ofSeconds(5)))
          .isInstanceOf(CookieException.class).hasMessageContaining("no cookie");
      assertThat(node.connectionsBeforeProbe()).as("connections before the probe").isZero();
      assertThat(node.calls).hasValue(0);
    }
  }

  @Test
  void request_withoutHandshake_isNeverExecuted() throws Exception {
    try (TestNode node = new TestNode(socket()); RawPeer peer = new RawPeer(socket())) {
      peer.send(FrameType.REQUEST, request("stop"));
      Messages.Error error = peer.error();
      assertThat(error.code()).isEqualTo(ErrorCode.UNEXPECTED_FRAME);
      assertThat(error.message()).isEqualTo("expected a HELLO frame during the handshake, got REQUEST");
      assertThat(peer.closedByServer()).isTrue();
      assertThat(node.calls).hasValue(0);
    }
  }

  @Test
  void request_afterWrongAuth_isNeverExecuted() throws Exception {
    try (TestNode node = new TestNode(socket()); RawPeer peer = new RawPeer(socket())) {
      peer.hello();
      peer.send(FrameType.AUTH, peer.authFor("guess"));
      peer.send(FrameType.REQUEST, request("stop")); // pipelined in the hope the server reads it anyway
      Messages.Error error = peer.error();
      assertThat(error.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
      assertThat(error.message()).isEqualTo("authentication failed");
      assertThat(peer.closedByServer()).isTrue();
      assertThat(node.calls).hasValue(0);
    }
  }

  @Test
  void handshake_replayedAuthFrame_isRejected() throws Exception {
    try (TestNode node = new TestNode(socket())) {
      byte[] recordedHello;
      byte[] recordedAuth;
      try (RawPeer first = new RawPeer(socket())) {
        first.authenticate(TestNode.COOKIE);
        recordedHello = first.clientNonce;
        recordedAuth = first.authFor(TestNode.COOKIE);
      }
      try (RawPeer replay = new RawPeer(socket())) {
        replay.clientNonce = recordedHello;
        replay.hello();
        replay.send(FrameType.AUTH, recordedAuth);
        assertThat(replay.error().code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        assertThat(replay.closedByServer()).isTrue();
      }
      assertThat(node.awaitEvent(ControlEvent.Kind.AUTHENTICATION_FAILED)).isTrue();
      assertThat(node.calls).hasValue(0);
    }
  }

  @Test
  void handshake_idleClient_isCutAfterTimeLimit() throws Exception {
    try (TestNode node = new TestNode(socket(), b -> b.handshakeTimeout(Duration.ofMillis(300)));
        RawPeer idle = new RawPeer(socket())) {
      assertThat(idle.error().code()).isEqualTo(ErrorCode.HANDSHAKE_TIMEOUT);
      assertThat(idle.closedByServer()).isTrue();
      assertThat(node.awaitEvent(ControlEvent.Kind.HANDSHAKE_TIMEOUT)).isTrue();
    }
  }

  @Test
  void handshake_oversizedHello_isRejectedWithoutReading() throws Exception {
    try (TestNode node = new TestNode(socket()); RawPeer peer = new RawPeer(socket())) {
      peer.send(FrameType.HELLO, new byte[4096]);
      assertThat(peer.error().message()).contains("exceeds the limit of 1024 bytes");
      assertThat(node.awaitEvent(ControlEvent.Kind.PROTOCOL_ERROR)).isTrue();
    }
  }

  @Test
  void request_overFrameLimit_closesConnection_serverKeepsServing() throws Exception {
    try (TestNode node = new TestNode(socket(), b -> b.maxFrameBytes(2048))) {
      try (RawPeer peer = new RawPeer(socket())) {
        peer.authenticate(TestNode.COOKIE);
        peer.sendRaw(FrameWriter.encodeSealed(peer.forger(), Protocol.VERSION, FrameType.REQUEST.code, new byte[4096]));
        assertThat(peer.error()).satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME))
            .satisfies(e -> assertThat(e.message()).contains("4096 bytes exceeds the limit of 2048"));
        assertThat(peer.closedByServer()).isTrue();
      }
      assertThat(node.calls).hasValue(0);
      try (ControlClient client = node.client()) {
        assertThat(client.call(Request.of("ping")).exitCode()).isZero();
      }
    }
  }

  @Test
  void request_malformedPayload_closesConnection() throws Exception {
    try (TestNode node = new TestNode(socket()); RawPeer peer = new RawPeer(socket())) {
      peer.authenticate(TestNode.COOKIE);
      peer.send(FrameType.REQUEST, new byte[] {0, 0, 0, 9, 'x'});
      assertThat(peer.error().message()).contains("malformed REQUEST frame");
      assertThat(peer.closedByServer()).isTrue();
      assertThat(node.calls).hasValue(0);
    }
  }

  @Test
  void frame_unknownType_closesConnection() throws Exception {
    try (TestNode node = new TestNode(socket()); RawPeer peer = new RawPeer(socket())) {
      peer.sendRaw(FrameWriter.encode(Protocol.VERSION, 77, new byte[0]));
      assertThat(peer.error().message()).contains("unknown frame type 77");
      assertThat(peer.closedByServer()).isTrue();
      assertThat(node.awaitEvent(ControlEvent.Kind.PROTOCOL_ERROR)).isTrue();
    }
  }

  @Test
  void frame_version1Client_getsVersionMismatchNamingBothVersions() throws Exception {
    try (TestNode node = new TestNode(socket()); RawPeer peer = new RawPeer(socket())) {
      peer.sendRaw(FrameWriter.encode(1, FrameType.HELLO.code, new byte[32]));
      Messages.Error error = peer.error();
      assertThat(error.code()).isEqualTo(ErrorCode.VERSION_MISMATCH);
      assertThat(error.message()).isEqualTo("protocol version 1, this node speaks 2; use the bin/<name> of the same"
          + " release");
      assertThat(peer.closedByServer()).isTrue();
      assertThat(node.calls).hasValue(0);
    }
  }

  @Test
  void frame_truncated_isLoggedAndServerKeepsServing() throws Exception {
    try (TestNode node = new TestNode(socket())) {
      try (RawPeer peer = new RawPeer(socket())) {
        peer.authenticate(TestNode.COOKIE);
        byte[] whole = FrameWriter.encodeSealed(peer.forger(), Protocol.VERSION, FrameType.REQUEST.code, request("stop"));
        peer.sendRaw(java.util.Arrays.copyOf(whole, Protocol.HEADER_BYTES + 5));
        peer.channel.shutdownOutput();
        assertThat(peer.error().message()).contains("stream ended inside a REQUEST frame");
      }
      assertThat(node.awaitEvent(ControlEvent.Kind.PROTOCOL_ERROR)).isTrue();
      assertThat(node.calls).hasValue(0);
      try (ControlClient client = node.client()) {
        assertThat(client.call(Request.of("ping")).exitCode()).isZero();
      }
    }
  }

  @Test
  void socketPermissions_keepOtherUsersOut() throws Exception {
    try (TestNode node = new TestNode(socket())) {
      // The kernel enforces these modes for every user but root; the modes are what we control.
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket()))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket().getParent())))
          .isEqualTo("rwx------");
      assumeThat(System.getProperty("user.name")).as("root bypasses file modes; see ClientMainIT for another user")
          .isNotEqualTo("root");
      Files.setPosixFilePermissions(socket().getParent(), PosixFilePermissions.fromString("---------"));
      try {
        assertThatThrownBy(node::client).isInstanceOf(SocketAccessDeniedException.class)
            .hasMessageContaining("permission denied on the control socket");
      } finally {
        Files.setPosixFilePermissions(socket().getParent(), PosixFilePermissions.fromString("rwx------"));
      }
    }
  }

  @Test
  void connect_noSocketFile_saysNotRunning() {
    assertThatThrownBy(() -> ControlClient.connect(socket(), TestNode.cookie(), Duration.ofSeconds(1), "book_app"))
        .isInstanceOf(NodeNotRunningException.class)
        .hasMessage("book_app is not running (no control socket at " + socket() + ")");
  }

  @Test
  void connect_staleSocketFile_saysNotRunning() throws Exception {
    Files.createDirectories(socket().getParent());
    var dead = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX);
    dead.bind(java.net.UnixDomainSocketAddress.of(socket()));
    dead.close();
    assertThatThrownBy(() -> ControlClient.connect(socket(), TestNode.cookie(), Duration.ofSeconds(1), "book_app"))
        .isInstanceOf(NodeNotRunningException.class).hasMessageContaining("book_app is not running");
  }
}

package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client facing nodes that are not what they should be: another version, an impostor, a mute. */
class ClientAgainstFakeNodeIT {
  @TempDir Path dir;
  private ServerSocketChannel server;
  private Thread fake;

  private interface Script {
    void play(FrameReader in, FrameWriter out) throws Exception;
  }

  private Path fakeNode(Script script) throws Exception {
    Path socket = dir.resolve("ctl.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    fake = new Thread(() -> {
      try (SocketChannel channel = server.accept()) {
        script.play(new FrameReader(ChannelStreams.in(channel)), new FrameWriter(ChannelStreams.out(channel), 7));
      } catch (Exception e) {
        // The client hung up first; the assertions are on the client's side.
      }
    });
    fake.setDaemon(true);
    fake.start();
    return socket;
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (fake != null) {
      fake.join(5000);
    }
  }

  @Test
  void connect_nodeOfAnotherVersion_namesBothVersions() throws Exception {
    Path socket = fakeNode((in, out) -> {
      try {
        in.read(1024);
      } catch (UnsupportedVersionException ignored) {
        // a version-7 node does not understand version 1 either
      }
      out.write(Messages.error(ErrorCode.VERSION_MISMATCH, "node speaks protocol 7, client speaks 1"));
    });
    assertThatThrownBy(() -> ControlClient.connect(socket, TestNode.cookie(), Duration.ofSeconds(5), "book_app"))
        .isInstanceOf(ProtocolException.class).hasMessage("the node speaks protocol version 7, this client speaks "
            + Protocol.VERSION + "; use the bin/book_app of the same release as the running node");
  }

  @Test
  void connect_impostorWithoutCookie_isNotTrusted() throws Exception {
    Path socket = dir.resolve("ctl.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    fake = new Thread(() -> {
      try (SocketChannel channel = server.accept()) {
        FrameReader in = new FrameReader(ChannelStreams.in(channel));
        FrameWriter out = new FrameWriter(ChannelStreams.out(channel));
        in.read(1024);
        out.write(FrameType.CHALLENGE, Handshake.nonce());
        in.read(1024);
        out.write(Messages.welcome(new byte[32], 1 << 20)); // cannot compute the real proof
        in.read(1024);
      } catch (Exception e) {
        // The client hung up, as it should.
      }
    });
    fake.setDaemon(true);
    fake.start();
    assertThatThrownBy(() -> ControlClient.connect(socket, TestNode.cookie(), Duration.ofSeconds(5)))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("could not prove it knows the cookie");
  }

  @Test
  void connect_muteNode_timesOut() throws Exception {
    Path socket = fakeNode((in, out) -> {
      in.read(1024); // HELLO, then silence until the client gives up and closes
      in.read(1024);
    });
    assertThatThrownBy(() -> ControlClient.connect(socket, TestNode.cookie(), Duration.ofMillis(300)))
        .isInstanceOf(ControlTimeoutException.class).hasMessageContaining("within 300 ms");
  }
}

package dev.molt.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** A hand-driven client for tests that must send what a well-behaved client never would. */
final class RawPeer implements AutoCloseable {
  final SocketChannel channel;
  final FrameReader reader;
  final FrameWriter writer;
  byte[] clientNonce = Handshake.nonce();
  byte[] serverNonce;
  byte[] sessionKey;

  RawPeer(Path socket) throws IOException {
    channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(socket));
    reader = new FrameReader(ChannelStreams.in(channel));
    writer = new FrameWriter(ChannelStreams.out(channel));
  }

  void sendRaw(byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  void send(FrameType type, byte[] payload) throws IOException {
    writer.write(type, payload);
  }

  /** HELLO then CHALLENGE; keeps the server's nonce. */
  void hello() throws Exception {
    send(FrameType.HELLO, clientNonce);
    Frame challenge = next().orElseThrow();
    if (challenge.type() != FrameType.CHALLENGE) {
      throw new IllegalStateException("expected CHALLENGE, got " + challenge.type());
    }
    serverNonce = Messages.fixed(challenge);
  }

  byte[] authFor(String cookie) {
    return Handshake.mac(cookie.getBytes(StandardCharsets.UTF_8), Handshake.CLIENT, serverNonce, clientNonce);
  }

  /** A complete, correct handshake; afterwards the writer and reader seal and check frames as a client does. */
  void authenticate(String cookie) throws Exception {
    hello();
    send(FrameType.AUTH, authFor(cookie));
    Frame ok = next().orElseThrow();
    if (ok.type() != FrameType.OK) {
      throw new IllegalStateException("expected OK, got " + ok.type() + " " + Messages.error(ok));
    }
    sessionKey = FrameSeal.sessionKey(cookie.getBytes(StandardCharsets.UTF_8), serverNonce, clientNonce);
    writer.seal(new FrameSeal(sessionKey, Handshake.CLIENT));
    reader.seal(new FrameSeal(sessionKey, Handshake.SERVER));
  }

  /**
   * A seal of the client's direction that starts counting from the first frame after the
   * handshake, apart from the writer's: for frames sent with {@link #sendRaw} in an order of the
   * test's choosing. Use either this or {@link #send}, not both.
   */
  FrameSeal forger() {
    return new FrameSeal(sessionKey, Handshake.CLIENT);
  }

  Optional<Frame> next() throws Exception {
    return reader.read(Protocol.MAX_FRAME_CEILING);
  }

  /** The next frame, which must be an ERROR. */
  Messages.Error error() throws Exception {
    Frame frame = next().orElseThrow(() -> new IllegalStateException("connection closed without an ERROR frame"));
    if (frame.type() != FrameType.ERROR) {
      throw new IllegalStateException("expected ERROR, got " + frame.type());
    }
    return Messages.error(frame);
  }

  /** True when the server closed the connection (reads end of stream). */
  boolean closedByServer() throws Exception {
    try {
      return next().isEmpty();
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}

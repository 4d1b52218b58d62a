package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strangers before the handshake: their own budgets, per address on TLS, and a slow answer to a wrong proof. */
class PreAuthBudgetIT {
  @TempDir static Path keys;
  private static TlsConfig tls;
  @TempDir Path dir;
  private final List<Socket> idle = new ArrayList<>();

  @BeforeAll
  static void keyStore() throws Exception {
    tls = TestKeyStore.loopback(TestKeyStore.generate(keys, "node"));
  }

  @AfterEach
  void closeIdle() throws IOException {
    for (Socket socket : idle) {
      socket.close();
    }
  }

  /** A TCP connection from the given loopback address that never starts its TLS handshake. */
  private Socket idleFrom(String localAddress, int port) throws IOException {
    Socket socket = new Socket();
    idle.add(socket);
    socket.bind(new InetSocketAddress(localAddress, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(5_000);
    return socket;
  }

  private static long connected(TestNode node, String transport) {
    return node.events.stream().filter(e -> e.kind() == ControlEvent.Kind.CONNECTED && e.transport().equals(transport))
        .count();
  }

  private static void awaitConnected(TestNode node, String transport, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (connected(node, transport) < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(connected(node, transport)).as("%s connections being served", transport).isEqualTo(count);
  }

  @Test
  void idleTlsConnections_upToTheirBudget_doNotKeepUnixPingOut_rejectionsLoggedOnce() throws Exception {
    try (TestNode node = new TestNode(dir.resolve("ctl.sock"), b -> b.tls(tls).maxConnections(6)
        .tlsHandshakeLimits(6, 6).handshakeTimeout(Duration.ofSeconds(30)))) {
      int port = node.server.tlsPort().orElseThrow();
      List<Socket> sockets = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        sockets.add(idleFrom("127.0.0.1", port));
      }
      awaitConnected(node, "tls", 5);
      // The listener takes connections in order: the last three found the TLS slots taken.
      for (Socket refused : sockets.subList(5, 8)) {
        assertThat(readUntilClosed(refused.getInputStream())).as("a connection over the TLS budget is closed").isTrue();
      }
      try (ControlClient client = node.client()) {
        assertThat(client.call(Request.of("ping")).output()).isEqualTo("ping ");
      }
      assertThat(node.events).filteredOn(e -> e.kind() == ControlEvent.Kind.REJECTED_BUSY)
          .as("three rejections within the 10 s window reach the log as one event").singleElement()
          .satisfies(e -> assertThat(e.detail()).contains("1 more are kept for the Unix socket"));
    }
  }

  @Test
  void tlsConnections_beyondPerAddressLimit_areRefused_anotherAddressIsServed() throws Exception {
    try (TestNode node = new TestNode(dir.resolve("ctl.sock"), b -> b.tls(tls).tlsHandshakeLimits(8, 2)
        .handshakeTimeout(Duration.ofSeconds(30)))) {
      int port = node.server.tlsPort().orElseThrow();
      idleFrom("127.0.0.1", port);
      idleFrom("127.0.0.1", port);
      awaitConnected(node, "tls", 2);
      Socket third = idleFrom("127.0.0.1", port);
      assertThat(readUntilClosed(third.getInputStream())).as("the third connection from 127.0.0.1 is closed").isTrue();
      assertThat(node.events).filteredOn(e -> e.kind() == ControlEvent.Kind.REJECTED_BUSY).first()
          .satisfies(e -> assertThat(e.detail()).contains("from 127.0.0.1"));

      Socket other = idleFrom("127.0.0.2", port);
      try (SSLSocket secured = (SSLSocket) tls.sslContext().getSocketFactory()
          .createSocket(other, "127.0.0.1", port, true)) {
        secured.getOutputStream().write(FrameWriter.encode(Protocol.VERSION, FrameType.HELLO.code, Handshake.nonce()));
        Frame challenge = new FrameReader(secured.getInputStream()).read(1024).orElseThrow();
        assertThat(challenge.type()).as("127.0.0.2 gets its challenge").isEqualTo(FrameType.CHALLENGE);
      }
    }
  }

  /** True when the peer closes (end of stream or reset) within the socket's read timeout. */
  private static boolean readUntilClosed(InputStream in) throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketException reset) {
      return true;
    }
  }

  @Test
  void wrongProof_isAnsweredNoSoonerThanTheDelay() throws Exception {
    try (TestNode node = new TestNode(dir.resolve("ctl.sock"), b -> b.authFailureDelay(Duration.ofMillis(600)));
        RawPeer peer = new RawPeer(dir.resolve("ctl.sock"))) {
      peer.hello();
      long sent = System.nanoTime();
      peer.send(FrameType.AUTH, peer.authFor("a guess"));
      assertThat(peer.error().code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
      assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
      assertThat(peer.closedByServer()).isTrue();
      assertThat(node.calls).hasValue(0);
    }
  }

  @Test
  void wrongProof_defaultDelay_isAtLeast200Milliseconds() throws Exception {
    try (TestNode node = new TestNode(dir.resolve("ctl.sock")); RawPeer peer = new RawPeer(dir.resolve("ctl.sock"))) {
      peer.hello();
      long sent = System.nanoTime();
      peer.send(FrameType.AUTH, peer.authFor("a guess"));
      assertThat(peer.error().code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
      assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
      assertThat(node.awaitEvent(ControlEvent.Kind.AUTHENTICATION_FAILED)).isTrue();
    }
  }
}

package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional TCP listener: TLS only, loopback by default, same cookie handshake inside. */
class TlsListenerIT {
  private static final char[] PASSWORD = "changeit".toCharArray();
  @TempDir static Path dir;
  private static TlsConfig tls;

  @BeforeAll
  static void keyStore() throws Exception {
    Path store = dir.resolve("node.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "node", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    } finally {
      process.destroyForcibly();
    }
    tls = TlsConfig.loopback(store, PASSWORD, 0);
  }

  @Test
  void tls_roundTrip_onLoopback() throws Exception {
    try (TestNode node = new TestNode(dir.resolve("s" + System.nanoTime() % 100000 + ".sock"), b -> b.tls(tls))) {
      int port = node.server.tlsPort().orElseThrow();
      try (ControlClient client = ControlClient.connectTls(new InetSocketAddress("127.0.0.1", port),
          tls.sslContext(), TestNode.cookie(), Duration.ofSeconds(10), "book_app")) {
        assertThat(client.call(Request.of("ping")).output()).isEqualTo("ping ");
      }
      assertThat(node.events).filteredOn(e -> e.kind() == ControlEvent.Kind.AUTHENTICATED)
          .extracting(ControlEvent::transport).containsExactly("tls");
    }
  }

  @Test
  void tls_wrongCookie_isRejected() throws Exception {
    try (TestNode node = new TestNode(dir.resolve("s" + System.nanoTime() % 100000 + ".sock"), b -> b.tls(tls))) {
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", node.server.tlsPort().orElseThrow());
      assertThatThrownBy(() -> ControlClient.connectTls(address, tls.sslContext(),
          "wrong".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10), "book_app"))
          .isInstanceOf(AuthenticationException.class);
      assertThat(node.calls).hasValue(0);
    }
  }

  @Test
  void plainTcpClient_getsNoService() throws Exception {
    try (TestNode node = new TestNode(dir.resolve("s" + System.nanoTime() % 100000 + ".sock"), b -> b.tls(tls));
        Socket plain = new Socket("127.0.0.1", node.server.tlsPort().orElseThrow())) {
      plain.setSoTimeout(10_000);
      plain.getOutputStream().write(FrameWriter.encode(Protocol.VERSION, FrameType.HELLO.code, new byte[32]));
      InputStream in = plain.getInputStream();
      byte[] reply = in.readNBytes(6);
      // Whatever comes back is a TLS alert (record type 21), never a CHALLENGE frame.
      assertThat(reply.length == 0 || reply[0] == 21).as("TLS alert or close").isTrue();
      assertThat(node.calls).hasValue(0);
      assertThat(node.saw(ControlEvent.Kind.AUTHENTICATED)).isFalse();
    }
  }

  @Test
  void tls_idleClient_isCutAfterTimeLimit() throws Exception {
    try (TestNode node = new TestNode(dir.resolve("s" + System.nanoTime() % 100000 + ".sock"),
            b -> b.tls(tls).handshakeTimeout(Duration.ofMillis(300)));
        Socket idle = new Socket("127.0.0.1", node.server.tlsPort().orElseThrow())) {
      idle.setSoTimeout(10_000);
      byte[] untilClosed;
      try {
        untilClosed = idle.getInputStream().readAllBytes(); // ends only when the server closes
      } catch (java.net.SocketException reset) {
        untilClosed = new byte[0];
      }
      assertThat(untilClosed.length == 0 || untilClosed[0] == 21).as("closed, at most with a TLS alert").isTrue();
      assertThat(node.awaitEvent(ControlEvent.Kind.HANDSHAKE_TIMEOUT)).isTrue();
    }
  }
}

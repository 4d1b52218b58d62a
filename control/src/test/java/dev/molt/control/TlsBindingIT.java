package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS alone does not identify the peer: the session is bound to the cookie proof, and clients pin the node. */
class TlsBindingIT {
  @TempDir static Path keys;
  private static Path nodeStore;
  private static Path otherStore;
  private static TlsConfig tls;
  @TempDir Path dir;

  @BeforeAll
  static void keyStores() throws Exception {
    nodeStore = TestKeyStore.generate(keys, "node");
    otherStore = TestKeyStore.generate(keys, "other");
    tls = TestKeyStore.loopback(nodeStore);
  }

  private TestNode node() throws Exception {
    return new TestNode(dir.resolve("ctl.sock"), b -> b.tls(tls));
  }

  private static InetSocketAddress address(TestNode node) {
    return new InetSocketAddress("127.0.0.1", node.server.tlsPort().orElseThrow());
  }

  @Test
  void relayThatTerminatesTls_cannotInjectRequestAfterAuth() throws Exception {
    try (TestNode node = node(); Relay relay = new Relay(address(node))) {
      // The client trusts the relay: it holds a copy of the node's key store.
      try (ControlClient client = ControlClient.connectTls(relay.address(), tls.sslContext(), TestNode.cookie(),
          Duration.ofSeconds(10), "book_app")) {
        assertThat(relay.fromNode.poll(10, TimeUnit.SECONDS)).as("CHALLENGE").isEqualTo(FrameType.CHALLENGE.code);
        assertThat(relay.fromNode.poll(10, TimeUnit.SECONDS)).as("OK").isEqualTo(FrameType.OK.code);
        assertThat(relay.fromNode.poll(10, TimeUnit.SECONDS)).as("the node's answer to the injected frame")
            .isEqualTo(FrameType.ERROR.code);
        assertThat(relay.fromNode.poll(10, TimeUnit.SECONDS)).as("then the node closes").isEqualTo(-1);
        assertThatThrownBy(() -> client.call(Request.of("ping"))).isInstanceOf(ControlException.class);
      }
      assertThat(node.calls).as("the injected stop never ran").hasValue(0);
      assertThat(node.events).filteredOn(e -> e.kind() == ControlEvent.Kind.PROTOCOL_ERROR).first()
          .satisfies(e -> assertThat(e.detail()).contains("does not verify"));
    }
  }

  @Test
  void client_refusesServerWhoseCertificateDoesNotMatchThePin() throws Exception {
    String otherPin = TlsTrust.fingerprint(certificate(otherStore));
    try (TestNode node = node()) {
      assertThatThrownBy(() -> ControlClient.connectTls(address(node), TlsTrust.pinned(otherPin), TestNode.cookie(),
          Duration.ofSeconds(10), "book_app"))
          .isInstanceOf(AuthenticationException.class).hasMessageContaining("is not the node this client trusts")
          .hasMessageContaining("does not match the pinned " + otherPin);
      assertThat(node.saw(ControlEvent.Kind.AUTHENTICATED)).isFalse();
    }
  }

  @Test
  void client_withMatchingPin_isServed() throws Exception {
    String pin = tls.certificateFingerprint();
    assertThat(pin).isEqualTo(TlsTrust.fingerprint(certificate(nodeStore))).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    try (TestNode node = node(); ControlClient client = ControlClient.connectTls(address(node),
        TlsTrust.pinned(pin.toLowerCase(java.util.Locale.ROOT)), TestNode.cookie(), Duration.ofSeconds(10), "book_app")) {
      assertThat(client.call(Request.of("ping")).output()).isEqualTo("ping ");
    }
  }

  @Test
  void client_withExportedTrustStoreWithoutPrivateKey_isServed_otherNodeIsRefused() throws Exception {
    Path trust = TestKeyStore.trustStoreFor(nodeStore, dir, "node");
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(trust)) {
      store.load(in, TestKeyStore.PASSWORD.toCharArray());
    }
    assertThat(java.util.Collections.list(store.aliases())).allSatisfy(a -> assertThat(store.isKeyEntry(a)).isFalse());
    SSLContext context = TlsTrust.trustStore(trust, TestKeyStore.PASSWORD.toCharArray());
    try (TestNode node = node(); ControlClient client = ControlClient.connectTls(address(node), context,
        TestNode.cookie(), Duration.ofSeconds(10), "book_app")) {
      assertThat(client.call(Request.of("ping")).exitCode()).isZero();
    }
    try (TestNode impostor = new TestNode(dir.resolve("other.sock"), b -> b.tls(TestKeyStore.loopback(otherStore)))) {
      assertThatThrownBy(() -> ControlClient.connectTls(address(impostor), context, TestNode.cookie(),
          Duration.ofSeconds(10), "book_app")).isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void trustStore_theNodesKeyStoreOrAnEmptyStore_refusedNamingTheRemedy() throws Exception {
    assertThatThrownBy(() -> TlsTrust.trustStore(nodeStore, TestKeyStore.PASSWORD.toCharArray()))
        .isInstanceOf(ControlException.class)
        .hasMessageContainingAll(nodeStore.toString(), "holds a private key (alias node)",
            "must stay on the node", "keytool -exportcert");
    Path empty = dir.resolve("empty.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (OutputStream out = java.nio.file.Files.newOutputStream(empty)) {
      store.store(out, TestKeyStore.PASSWORD.toCharArray());
    }
    assertThatThrownBy(() -> TlsTrust.trustStore(empty, TestKeyStore.PASSWORD.toCharArray()))
        .isInstanceOf(ControlException.class).hasMessageContaining("holds no certificate");
  }

  private static X509Certificate certificate(Path store) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(store)) {
      keyStore.load(in, TestKeyStore.PASSWORD.toCharArray());
    }
    return (X509Certificate) keyStore.getCertificate("node");
  }

  /**
   * A man in the middle with the node's key store: it terminates the client's TLS, connects to the
   * node with a client that trusts anything, forwards every frame, and right after the node's OK
   * injects a {@code stop} request of its own. The request is a plain frame, valid in protocol
   * version 1; long enough that its last 32 bytes stand where a MAC would be, so that it reaches
   * the MAC check rather than failing the length check.
   */
  private static final class Relay implements AutoCloseable {
    final BlockingQueue<Integer> fromNode = new LinkedBlockingQueue<>();
    private final SSLServerSocket server;
    private final InetSocketAddress node;
    private final Thread thread;
    private volatile Socket client;
    private volatile Socket upstream;

    Relay(InetSocketAddress node) throws Exception {
      this.node = node;
      server = (SSLServerSocket) tls.sslContext().getServerSocketFactory()
          .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
      thread = new Thread(this::run, "test-relay");
      thread.setDaemon(true);
      thread.start();
    }

    InetSocketAddress address() {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private void run() {
      try {
        client = server.accept();
        upstream = trustAll().getSocketFactory().createSocket(node.getAddress(), node.getPort());
        InputStream fromClient = client.getInputStream();
        OutputStream toNode = upstream.getOutputStream();
        Thread up = new Thread(() -> pump(fromClient, toNode, false), "test-relay-up");
        up.setDaemon(true);
        up.start();
        pump(upstream.getInputStream(), client.getOutputStream(), true);
      } catch (IOException e) {
        // The test closed the relay.
      }
    }

    /** Copies whole frames; whatever their version or MAC, only the length prefix matters here. */
    private void pump(InputStream in, OutputStream target, boolean fromNodeSide) {
      try {
        DataInputStream frames = new DataInputStream(in);
        while (true) {
          int length = frames.readInt();
          byte[] rest = new byte[length];
          frames.readFully(rest);
          target.write(header(length));
          target.write(rest);
          target.flush();
          if (fromNodeSide) {
            fromNode.add(rest[1] & 0xFF);
            if ((rest[1] & 0xFF) == FrameType.OK.code) {
              byte[] forged = FrameWriter.encode(Protocol.VERSION, FrameType.REQUEST.code,
                  Messages.request(FrameType.REQUEST, Request.of("stop", "now, and with forty bytes of argument"))
                      .payload());
              upstream.getOutputStream().write(forged);
              upstream.getOutputStream().flush();
            }
          }
        }
      } catch (IOException e) {
        if (fromNodeSide) {
          fromNode.add(-1);
        }
      }
    }

    private static byte[] header(int length) {
      return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    private static SSLContext trustAll() throws IOException {
      try {
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, new TrustManager[] {new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) { }

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) { }

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        }}, null);
        return context;
      } catch (java.security.GeneralSecurityException e) {
        throw new IOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : new Socket[] {client, upstream}) {
        if (s != null) {
          s.close();
        }
      }
    }
  }
}

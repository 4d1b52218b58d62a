package dev.molt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Polls {@code GET /health} (or another path) on 127.0.0.1 with a raw socket (no HTTP client
 * warm-up inside the measurement) until it answers 200.
 */
final class HealthProbe {
  private static final long POLL_MILLIS = 5;

  private HealthProbe() {}

  /** Nanoseconds (System.nanoTime) of the first 200 on /health; fails after {@code timeout}. */
  static long awaitOk(int port, Duration timeout, Process process) throws InterruptedException {
    return awaitOk(port, "/health", timeout, process);
  }

  /** Nanoseconds (System.nanoTime) of the first 200 on {@code path}; fails after {@code timeout}. */
  static long awaitOk(int port, String path, Duration timeout, Process process)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the process exited with " + process.exitValue()
            + " before answering on port " + port);
      }
      if (ok(port, path)) {
        return System.nanoTime();
      }
      Thread.sleep(POLL_MILLIS);
    }
    throw new IllegalStateException(
        "no HTTP 200 on 127.0.0.1:" + port + path + " within " + timeout);
  }

  private static boolean ok(int port, String path) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      String request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return status.startsWith("HTTP/1.") && status.endsWith("200");
    } catch (IOException e) {
      return false;
    }
  }
}

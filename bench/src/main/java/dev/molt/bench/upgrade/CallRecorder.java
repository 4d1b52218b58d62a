package dev.molt.bench.upgrade;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One client thread calling GET on the node back to back (2 ms apart) over one kept-alive HTTP/1.1
 * connection, recording every call: when it started, how long it took, whether it got a 200.
 * Bounded: each call times out after 10 s.
 */
final class CallRecorder implements Runnable {
  /** One call: start (ms since the recorder began), latency (ms), answered with 200 or not. */
  record Call(double startMs, double latencyMs, boolean ok) {}

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
  private final HttpRequest request;
  private final long origin = System.nanoTime();
  private final long originEpochMs = System.currentTimeMillis();
  private final List<Call> calls = new ArrayList<>();
  private volatile boolean running = true;

  CallRecorder(int port, String path) {
    this.request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build();
  }

  /** Milliseconds since the recorder was made, on the same clock as the calls. */
  double now() {
    return (System.nanoTime() - origin) / 1e6;
  }

  /** A wall-clock time (ms since the epoch, as another JVM logs it) on the calls' clock (±1 ms). */
  double fromEpochMs(double epochMs) {
    return epochMs - originEpochMs;
  }

  @Override
  public void run() {
    while (running) {
      long start = System.nanoTime();
      boolean ok = call();
      long end = System.nanoTime();
      synchronized (calls) {
        calls.add(new Call((start - origin) / 1e6, (end - start) / 1e6, ok));
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void stop() {
    running = false;
  }

  List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  private boolean call() {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

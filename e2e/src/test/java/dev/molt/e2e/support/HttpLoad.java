package dev.molt.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Continuous HTTP load on a node from one client thread: {@code GET /stats} (must answer 200) and
 * {@code GET /nope} (must answer 404), one after the other, until {@link #close}. Every other
 * answer, and every I/O error, is a failed request.
 */
public final class HttpLoad implements AutoCloseable {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final int port;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicInteger ok = new AtomicInteger();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;

  private HttpLoad(int port) {
    this.port = port;
    this.thread = new Thread(this::loop, "e2e-http-load");
    thread.setDaemon(true);
  }

  public static HttpLoad start(int port) {
    HttpLoad load = new HttpLoad(port);
    load.thread.start();
    return load;
  }

  private void loop() {
    while (!stop.get()) {
      call("/stats", 200);
      call("/nope", 404);
    }
  }

  private void call(String path, int expected) {
    try {
      HttpResponse<String> r = client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == expected) {
        ok.incrementAndGet();
      } else {
        failures.add(path + " -> HTTP " + r.statusCode() + " " + r.body());
      }
    } catch (IOException e) {
      failures.add(path + " -> " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.set(true);
    }
  }

  /** Requests answered as expected so far. */
  public int succeeded() {
    return ok.get();
  }

  /** The failed requests so far, each with what went wrong. */
  public List<String> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  /** Waits (bounded) until at least {@code n} more requests succeeded. */
  public void awaitMore(int n, Duration timeout) {
    int target = ok.get() + n;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ok.get() < target && System.nanoTime() < deadline && thread.isAlive()) {
      sleep(10);
    }
    if (ok.get() < target) {
      throw new AssertionError("the load made fewer than " + n + " requests in " + timeout
          + "; failures: " + failures());
    }
  }

  /** {@link #stop}. */
  @Override
  public void close() {
    stop();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Stops the client thread, waiting at most 10 s for its last request. */
  public void stop() {
    stop.set(true);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

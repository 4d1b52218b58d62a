package dev.molt.bench;

import dev.molt.control.ControlClient;
import dev.molt.control.Cookie;
import dev.molt.control.Request;
import dev.molt.control.Response;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Latency of the control channel on a running book_app node: the whole {@code bin/book_app rpc}
 * command against {@code bin/book_app pid} (the floor: the same script, client JVM and
 * handshake, with the smallest command), alternating, after warm-up; and one call on an open,
 * authenticated session ({@code ping}, and an {@code rpc} of a static method). Usage: {@code
 * RpcBench --fixtures DIR [--runs N] [--calls N] [--work DIR]}.
 */
public final class RpcBench {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String[] RPC = {"rpc", "java.lang.Math.max", "1", "2"};

  private RpcBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    Path work = Path.of(options.get("--work")).toAbsolutePath().normalize();
    BenchRelease release = BenchRelease.build(
        Path.of(options.get("--fixtures")).toAbsolutePath().normalize(), work);
    Path script = release.root().resolve("bin/book_app");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PORT", Integer.toString(BootBench.freePort()));
    run(script, env, "start");
    try {
      int runs = Integer.parseInt(options.get("--runs"));
      List<Double> pid = new ArrayList<>();
      List<Double> rpc = new ArrayList<>();
      for (int i = 0; i < 3; i++) { // warm-up: page cache, CDS mapping
        run(script, env, "pid");
        run(script, env, RPC);
      }
      for (int i = 0; i < runs; i++) {
        boolean pidFirst = i % 2 == 0;
        (pidFirst ? pid : rpc).add(run(script, env, pidFirst ? new String[] {"pid"} : RPC));
        (pidFirst ? rpc : pid).add(run(script, env, pidFirst ? RPC : new String[] {"pid"}));
      }
      int calls = Integer.parseInt(options.get("--calls"));
      Path socket = release.root().resolve("tmp/book_app.sock");
      byte[] cookie = Cookie.resolve(release.root().resolve("releases/COOKIE"), Map.of());
      List<Double> ping;
      List<Double> call;
      try (ControlClient client = ControlClient.connect(socket, cookie, TIMEOUT, "book_app")) {
        onChannel(client, Request.of("ping"), calls); // warm-up: JIT of both sides
        onChannel(client, Request.of(RPC[0], RPC[1], RPC[2], RPC[3]), calls);
        ping = onChannel(client, Request.of("ping"), calls);
        call = onChannel(client, Request.of(RPC[0], RPC[1], RPC[2], RPC[3]), calls);
      }
      report(runs, calls, Percentiles.of(pid), Percentiles.of(rpc), Percentiles.of(ping), Percentiles.of(call));
    } finally {
      run(script, env, "stop");
    }
  }

  /** Microseconds per call. */
  private static List<Double> onChannel(ControlClient client, Request request, int calls)
      throws Exception {
    List<Double> micros = new ArrayList<>(calls);
    for (int i = 0; i < calls; i++) {
      long begin = System.nanoTime();
      Response response = client.call(request);
      micros.add((System.nanoTime() - begin) / 1_000.0);
      if (response.exitCode() != 0) {
        throw new IllegalStateException(request + " failed: " + response);
      }
    }
    return micros;
  }

  /** Runs {@code bin/book_app args…}; returns its wall time in milliseconds. */
  private static double run(Path script, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    long begin = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish within " + TIMEOUT);
    }
    double millis = (System.nanoTime() - begin) / 1_000_000.0;
    if (process.exitValue() != 0) {
      throw new IllegalStateException(command + " exited " + process.exitValue());
    }
    return millis;
  }

  private static void report(int runs, int calls, Percentiles pid, Percentiles rpc, Percentiles ping, Percentiles call) {
    System.out.printf("| what | n | p50 | p99 |%n| --- | --- | --- | --- |%n");
    System.out.printf("| `bin/book_app pid` (whole command, the floor) | %d | %.0f ms | %.0f ms |%n",
        runs, pid.p50(), pid.p99());
    System.out.printf("| `bin/book_app rpc java.lang.Math.max 1 2` (whole command) | %d | %.0f ms"
        + " | %.0f ms |%n", runs, rpc.p50(), rpc.p99());
    System.out.printf("| one `ping` on an open session | %d | %.0f µs | %.0f µs |%n",
        calls, ping.p50(), ping.p99());
    System.out.printf("| one `rpc java.lang.Math.max 1 2` on an open session | %d | %.0f µs"
        + " | %.0f µs |%n", calls, call.p50(), call.p99());
    System.out.printf("%nrpc / pid (whole command, p50): %.2f%n", rpc.p50() / pid.p50());
  }

  /** The 50th and 99th percentiles (nearest rank) of some samples. */
  record Percentiles(double p50, double p99) {
    static Percentiles of(List<Double> samples) {
      double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Percentiles(rank(sorted, 0.50), rank(sorted, 0.99));
    }

    private static double rank(double[] sorted, double q) {
      return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> values = new HashMap<>(Map.of("--fixtures", "fixtures", "--runs", "30",
        "--calls", "5000", "--work", "bench/target/rpc"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!values.containsKey(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i]
            + "; use --fixtures DIR, --runs N, --calls N, --work DIR");
      }
      values.put(args[i], args[i + 1]);
    }
    return values;
  }
}

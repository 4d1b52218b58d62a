package dev.molt.bench.upgrade;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a client sees of a live upgrade, side by side with a stop/start of the same node: one
 * client calls {@code GET /stats} back to back while the harness runs, in turn, {@code upgrade}
 * (a {@code redefine}), {@code downgrade}, and {@code stop} then {@code start}. Prints a table per
 * operation (calls, failed, the pause = the longest wait, p99, the downtime) and writes the
 * picture. Usage: {@code UpgradePauseBench NODE_ROOT PORT FROM_VSN TO_VSN ROUNDS PNG}; the node
 * is installed with both releases (bench/upgrade.sh does that) and not running.
 */
public final class UpgradePauseBench {
  private UpgradePauseBench() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    String from = args[2];
    String to = args[3];
    int rounds = Integer.parseInt(args[4]);
    Path png = Path.of(args[5]);
    Path bin = root.resolve("bin/book_app");
    Map<String, String> env = Map.of("PORT", Integer.toString(port));
    run(env, bin, "start");
    CallRecorder client = new CallRecorder(port, "/stats");
    Thread thread = new Thread(client, "client");
    thread.start();
    List<Window> windows = new ArrayList<>();
    try {
      Thread.sleep(3000);
      for (int r = 1; r <= rounds; r++) {
        windows.add(operation(client, "upgrade " + to, env, bin, "upgrade", to));
        windows.add(operation(client, "downgrade " + from, env, bin, "downgrade", from));
        windows.add(operation(client, "stop + start", env, bin, "stop", "&&", "start"));
      }
    } finally {
      client.stop();
      thread.join(15_000);
      run(env, bin, "stop");
    }
    List<CallRecorder.Call> calls = client.calls();
    List<Window> measured = windows.stream()
        .map(w -> Window.of(w.name(), w.fromMs(), w.toMs(), calls)).toList();
    report(measured);
    LatencyChart.write(calls, measured.subList(0, Math.min(3, measured.size())), png);
    System.out.println("picture: " + png);
  }

  /** Runs one operation (one or two bin/book_app commands), then 1.5 s for the client to settle. */
  private static Window operation(CallRecorder client, String name, Map<String, String> env,
      Path bin, String... words) throws Exception {
    double start = client.now();
    List<String> command = new ArrayList<>();
    for (String w : words) {
      if (w.equals("&&")) {
        run(env, bin, command.toArray(new String[0]));
        command.clear();
      } else {
        command.add(w);
      }
    }
    run(env, bin, command.toArray(new String[0]));
    double end = client.now();
    Thread.sleep(1500);
    return new Window(name, start, end + 1500, 0, 0, 0, 0, 0);
  }

  private static void run(Map<String, String> env, Path bin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(bin.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish within 120 s");
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited " + p.exitValue());
    }
  }

  private static void report(List<Window> windows) {
    System.out.println("| operation | calls | failed | pause (longest wait) ms | p99 ms |"
        + " downtime ms |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (Window w : windows) {
      System.out.printf("| %s | %d | %d | %.1f | %.1f | %s |%n", w.name(), w.calls(), w.failed(),
          w.pauseMs(), w.p99Ms(), w.failed() == 0 ? "0" : String.format("%.1f", w.downtimeMs()));
    }
    for (String op : List.of("upgrade", "downgrade", "stop + start")) {
      double[] unavailable = windows.stream().filter(w -> w.name().startsWith(op))
          .mapToDouble(Window::unavailableMs).toArray();
      if (unavailable.length > 0) {
        System.out.println("median longest unavailability, " + op + ": "
            + Window.median(unavailable) + " ms");
      }
    }
  }
}

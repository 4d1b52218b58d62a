package dev.molt.bench.upgrade;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a client sees of a live upgrade, side by side with a stop/start of the same node: one
 * client calls {@code GET /stats} back to back while the harness runs, in turn, each
 * {@code upgrade} of a scenario and the {@code downgrade} back, then {@code stop} and
 * {@code start}. Prints a table per operation (calls, failed, the pause = the longest wait, p99,
 * the downtime, and the longest unavailability against the stop/start's) and writes a picture per
 * scenario.
 *
 * <p>Usage: {@code UpgradePauseBench PORT ROUNDS PNG SCENARIO...}, a scenario being
 * {@code ROOT:NAME:FROM:TO=KIND[,TO=KIND...]} (a node installed with every release it names, not
 * running; bench/upgrade.sh makes them); {@code KIND} labels the step the plan runs
 * ({@code redefine}, {@code restart_application}, {@code restart_jvm}). The first scenario's
 * picture is {@code PNG}; the others' are beside it, named {@code <PNG>-<NAME>.png}.
 */
public final class UpgradePauseBench {
  private UpgradePauseBench() {}

  record Scenario(Path root, String name, String from, Map<String, String> targets) {
    static Scenario parse(String spec) {
      String[] parts = spec.split(":");
      Map<String, String> targets = new LinkedHashMap<>();
      for (String t : parts[3].split(",")) {
        targets.put(t.substring(0, t.indexOf('=')), t.substring(t.indexOf('=') + 1));
      }
      return new Scenario(Path.of(parts[0]), parts[1], parts[2], targets);
    }
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    Path png = Path.of(args[2]);
    List<Window> all = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      Scenario s = Scenario.parse(args[i]);
      Path picture = i == 3 ? png : png.resolveSibling(png.getFileName().toString()
          .replaceFirst("\\.png$", "") + "-" + s.name() + ".png");
      all.addAll(scenario(s, port + i, rounds, picture));
    }
    report(all);
  }

  private static List<Window> scenario(Scenario s, int port, int rounds, Path png)
      throws Exception {
    Path bin = s.root().resolve("bin").resolve(s.name());
    Map<String, String> env = Map.of("PORT", Integer.toString(port));
    run(env, bin, "start");
    CallRecorder client = new CallRecorder(port, "/stats");
    Thread thread = new Thread(client, "client");
    thread.start();
    List<Window> windows = new ArrayList<>();
    try {
      Thread.sleep(3000);
      for (int r = 1; r <= rounds; r++) {
        for (Map.Entry<String, String> t : s.targets().entrySet()) {
          windows.add(operation(client, s.name() + " upgrade " + t.getKey() + " ("
              + t.getValue() + ")", env, bin, "upgrade", t.getKey()));
          windows.add(operation(client, s.name() + " downgrade " + s.from() + " ("
              + t.getValue() + ")", env, bin, "downgrade", s.from()));
        }
        windows.add(operation(client, s.name() + " stop + start", env, bin, "stop", "&&",
            "start"));
      }
    } finally {
      client.stop();
      thread.join(15_000);
      run(env, bin, "stop");
    }
    List<CallRecorder.Call> calls = client.calls();
    List<Window> measured = windows.stream()
        .map(w -> Window.of(w.name(), w.fromMs(), w.toMs(), calls)).toList();
    int perRound = s.targets().size() * 2 + 1;
    LatencyChart.write(s.name() + " under load: upgrades against a stop/start", calls,
        measured.subList(0, Math.min(perRound, measured.size())), png);
    System.out.println("picture: " + png);
    return measured;
  }

  /** Runs one operation (one or two bin/<name> commands), then 1.5 s for the client to settle. */
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
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish within 180 s");
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
    Map<String, List<Window>> byOperation = new LinkedHashMap<>();
    windows.forEach(w -> byOperation.computeIfAbsent(w.name(), k -> new ArrayList<>()).add(w));
    Map<String, Double> stopStart = new LinkedHashMap<>();
    byOperation.forEach((op, ws) -> {
      if (op.endsWith("stop + start")) {
        stopStart.put(op.substring(0, op.indexOf(' ')), median(ws, Window::unavailableMs));
      }
    });
    System.out.println();
    System.out.println("| operation | median pause ms | median p99 ms | median longest"
        + " unavailability ms | stop/start's / this |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    byOperation.forEach((op, ws) -> {
      double unavailable = median(ws, Window::unavailableMs);
      Double reference = stopStart.get(op.substring(0, op.indexOf(' ')));
      System.out.printf("| %s | %.1f | %.1f | %.1f | %s |%n", op, median(ws, Window::pauseMs),
          median(ws, Window::p99Ms), unavailable, reference == null || unavailable == 0 ? "–"
              : String.format("%.1f×", reference / unavailable));
    });
  }

  private static double median(List<Window> ws, java.util.function.ToDoubleFunction<Window> f) {
    double[] sorted = ws.stream().mapToDouble(f).sorted().toArray();
    return sorted[sorted.length / 2];
  }
}

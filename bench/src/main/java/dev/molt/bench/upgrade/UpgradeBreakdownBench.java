package dev.molt.bench.upgrade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the pause of a {@code redefine} upgrade comes from: one client calls {@code GET /stats}
 * back to back (as in {@link UpgradePauseBench}) while the harness runs, in turn, nothing for
 * 400 ms (what the machine alone does to the calls), commands of the same shape that change nothing ({@code ping}: the client JVM alone; {@code releases}; {@code plan
 * TO}: the client JVM and the engine's whole check) and the {@code upgrade} and {@code downgrade}
 * themselves. The node runs with {@code -Xlog:safepoint:file=SAFEPOINTS:timemillis}; per
 * operation the harness reports the pause (the longest wait), when the longest call started after
 * the command began, the command's time, the node's safepoints during the operation (count, sum,
 * the longest and its name), how much of the longest call the node spent in safepoints, the
 * slowest call a {@code RedefineClasses} safepoint held (the switch's own pause), and the
 * median latency of the 50 calls before the command against the 20 right after its last
 * safepoint (compiled code thrown away shows there). The upgrade's step lines (with their times)
 * are printed as the command printed them.
 *
 * <p>Usage: {@code UpgradeBreakdownBench PORT ROUNDS ROOT NAME FROM TO SAFEPOINTS}, the node at
 * ROOT installed with FROM and TO unpacked, not running, its jvm.options logging safepoints to
 * SAFEPOINTS (bench/upgrade-breakdown.sh makes it).
 */
public final class UpgradeBreakdownBench {
  private static final Pattern SAFEPOINT =
      Pattern.compile("^\\[(\\d+)ms\\].*Safepoint \"([^\"]+)\".*Total: (\\d+) ns");

  private UpgradeBreakdownBench() {}

  /** One safepoint of the node: when it ended (calls' clock, ms), its name, its length (ms). */
  record Safepoint(double endMs, String name, double ms) {
    double startMs() {
      return endMs - ms;
    }
  }

  /** One operation's window and what the command printed. */
  record Op(String name, double fromMs, double commandEndMs, double toMs, String output) {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    Path root = Path.of(args[2]);
    String name = args[3];
    String from = args[4];
    String to = args[5];
    Path safepointLog = Path.of(args[6]);
    Path bin = root.resolve("bin").resolve(name);
    Map<String, String> env = Map.of("PORT", Integer.toString(port));
    run(env, bin, "start");
    CallRecorder client = new CallRecorder(port, "/stats");
    Thread thread = new Thread(client, "client");
    thread.start();
    List<Op> ops = new ArrayList<>();
    try {
      Thread.sleep(3000);
      for (int r = 1; r <= rounds; r++) {
        ops.add(operation(client, env, bin));
        ops.add(operation(client, env, bin, "ping"));
        ops.add(operation(client, env, bin, "releases"));
        ops.add(operation(client, env, bin, "plan", to));
        ops.add(operation(client, env, bin, "upgrade", to));
        ops.add(operation(client, env, bin, "plan", from));
        ops.add(operation(client, env, bin, "downgrade", from));
      }
    } finally {
      client.stop();
      thread.join(15_000);
      run(env, bin, "stop");
    }
    List<Safepoint> safepoints = safepoints(safepointLog, client);
    report(ops, client.calls(), safepoints);
  }

  private static Op operation(CallRecorder client, Map<String, String> env, Path bin,
      String... words) throws Exception {
    double start = client.now();
    // no words: the idle window, what the machine alone does to the calls
    String output = words.length == 0 ? idle() : run(env, bin, words);
    double end = client.now();
    Thread.sleep(1500);
    return new Op(words.length == 0 ? "(no command)" : String.join(" ", words), start, end,
        end + 1500, output);
  }

  private static String idle() throws InterruptedException {
    Thread.sleep(400);
    return "";
  }

  private static String run(Map<String, String> env, Path bin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(bin.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish within 180 s");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + text);
    }
    return text;
  }

  private static List<Safepoint> safepoints(Path log, CallRecorder client) throws IOException {
    List<Safepoint> found = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = SAFEPOINT.matcher(line);
      if (m.find()) {
        found.add(new Safepoint(client.fromEpochMs(Long.parseLong(m.group(1))), m.group(2),
            Long.parseLong(m.group(3)) / 1e6));
      }
    }
    return found;
  }

  private static void report(List<Op> ops, List<CallRecorder.Call> calls,
      List<Safepoint> safepoints) {
    System.out.println("| operation | pause ms | longest call starts at ms | command ms |"
        + " safepoints: count / sum ms | longest safepoint ms | safepoint in the longest call ms"
        + " | median ms: 50 calls before / 20 after the last safepoint |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    Map<String, List<double[]>> byName = new LinkedHashMap<>();
    for (Op op : ops) {
      List<CallRecorder.Call> in = calls.stream()
          .filter(c -> c.startMs() + c.latencyMs() >= op.fromMs() && c.startMs() <= op.toMs())
          .toList();
      CallRecorder.Call longest = in.stream()
          .max((a, b) -> Double.compare(a.latencyMs(), b.latencyMs())).orElseThrow();
      List<Safepoint> during = safepoints.stream()
          .filter(s -> s.endMs() >= op.fromMs() && s.startMs() <= op.toMs()).toList();
      double sum = during.stream().mapToDouble(Safepoint::ms).sum();
      Safepoint max = during.stream().max((a, b) -> Double.compare(a.ms(), b.ms())).orElse(null);
      double inLongest = during.stream().mapToDouble(s -> overlap(s, longest)).sum();
      // the slowest call that a RedefineClasses safepoint held: the switch's own pause
      double held = in.stream().filter(c -> during.stream().anyMatch(
          s -> s.name().equals("RedefineClasses") && overlap(s, c) > 0))
          .mapToDouble(CallRecorder.Call::latencyMs).max().orElse(0);
      double before = median(calls.stream().filter(c -> c.startMs() < op.fromMs())
          .skip(Math.max(0, calls.stream().filter(c -> c.startMs() < op.fromMs()).count() - 50))
          .toList());
      double lastSafepoint = during.isEmpty() ? op.fromMs()
          : during.get(during.size() - 1).endMs();
      double after = median(in.stream().filter(c -> c.startMs() >= lastSafepoint).limit(20)
          .toList());
      System.out.printf("| %s | %.1f | %.0f | %.0f | %d / %.1f | %s | %.1f | %.2f / %.2f |%n",
          op.name(), longest.latencyMs(), longest.startMs() - op.fromMs(),
          op.commandEndMs() - op.fromMs(), during.size(), sum,
          max == null ? "–" : String.format("%.1f (%s)", max.ms(), max.name()), inLongest,
          before, after);
      byName.computeIfAbsent(op.name(), k -> new ArrayList<>()).add(new double[] {
          longest.latencyMs(), op.commandEndMs() - op.fromMs(), sum,
          max == null ? 0 : max.ms(), inLongest, named(during, "RedefineClasses"),
          named(during, "Collect"), held});
      if (op.name().startsWith("upgrade") || op.name().startsWith("downgrade")) {
        op.output().lines().filter(l -> l.startsWith("  ")).forEach(l -> System.out.println(
            "    " + l.strip()));
      }
    }
    System.out.println();
    System.out.println("| operation | median pause ms | median command ms | median safepoints"
        + " sum ms | median longest safepoint ms | median safepoint in the longest call ms |"
        + " median RedefineClasses ms | median GC ms | median slowest call RedefineClasses held"
        + " ms |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    byName.forEach((name, rows) -> System.out.printf(
        "| %s | %.1f | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", name,
        medianOf(rows, 0), medianOf(rows, 1), medianOf(rows, 2), medianOf(rows, 3),
        medianOf(rows, 4), medianOf(rows, 5), medianOf(rows, 6), medianOf(rows, 7)));
  }

  /** The time in safepoints whose name contains {@code part} (GC: "Collect"). */
  private static double named(List<Safepoint> safepoints, String part) {
    return safepoints.stream().filter(s -> s.name().contains(part)).mapToDouble(Safepoint::ms)
        .sum();
  }

  private static double overlap(Safepoint s, CallRecorder.Call c) {
    double from = Math.max(s.startMs(), c.startMs());
    double to = Math.min(s.endMs(), c.startMs() + c.latencyMs());
    return Math.max(0, to - from);
  }

  private static double median(List<CallRecorder.Call> calls) {
    double[] sorted = calls.stream().mapToDouble(CallRecorder.Call::latencyMs).sorted().toArray();
    return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
  }

  private static double medianOf(List<double[]> rows, int column) {
    double[] sorted = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return sorted[sorted.length / 2];
  }
}

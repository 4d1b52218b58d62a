package dev.molt.bench.upgrade;

import java.util.List;

/**
 * What the client saw while one operation ran: from the operation's start to its end plus a
 * settling margin. The pause is the longest a call waited; for an operation during which calls
 * failed (stop/start), the downtime is from the start of the first failed call to the end of the
 * first answered call after it.
 */
record Window(String name, double fromMs, double toMs, int calls, int failed, double pauseMs,
    double p99Ms, double downtimeMs) {

  static Window of(String name, double fromMs, double toMs, List<CallRecorder.Call> all) {
    List<CallRecorder.Call> in = all.stream()
        .filter(c -> c.startMs() + c.latencyMs() >= fromMs && c.startMs() <= toMs).toList();
    double[] latencies = in.stream().mapToDouble(CallRecorder.Call::latencyMs).sorted().toArray();
    int failed = (int) in.stream().filter(c -> !c.ok()).count();
    double pause = latencies.length == 0 ? 0 : latencies[latencies.length - 1];
    double p99 = latencies.length == 0 ? 0
        : latencies[Math.min(latencies.length - 1, (int) Math.ceil(latencies.length * 0.99) - 1)];
    return new Window(name, fromMs, toMs, in.size(), failed, pause, p99, downtime(in));
  }

  private static double downtime(List<CallRecorder.Call> calls) {
    CallRecorder.Call firstFailure = calls.stream().filter(c -> !c.ok()).findFirst().orElse(null);
    if (firstFailure == null) {
      return 0;
    }
    return calls.stream().filter(c -> c.ok() && c.startMs() > firstFailure.startMs()).findFirst()
        .map(c -> c.startMs() + c.latencyMs() - firstFailure.startMs())
        .orElse(Double.NaN);
  }

  /** The longest a caller could not get an answer: the downtime when calls failed, else the pause. */
  double unavailableMs() {
    return failed > 0 ? downtimeMs : pauseMs;
  }
}

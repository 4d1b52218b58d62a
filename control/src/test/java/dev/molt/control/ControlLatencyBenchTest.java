package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Latency harness, not a timing assertion: prints p50/p99 of one call on an open session and of
 * connect + handshake. Run on demand:
 * {@code mvn -o -q -f control/pom.xml test -Dcontrol.excludedGroups= -Dgroups=bench}.
 */
@Tag("bench")
class ControlLatencyBenchTest {
  private static final int CALLS = 10_000;
  private static final int CONNECTS = 1_000;
  @TempDir Path dir;

  @Test
  void measure_callAndConnectLatency() throws Exception {
    try (TestNode node = new TestNode(dir.resolve("ctl.sock"))) {
      long[] calls = new long[CALLS];
      try (ControlClient client = node.client()) {
        for (int i = 0; i < 2_000; i++) {
          client.call(Request.of("ping"));
        }
        for (int i = 0; i < CALLS; i++) {
          long start = System.nanoTime();
          client.call(Request.of("ping"));
          calls[i] = System.nanoTime() - start;
        }
      }
      long[] connects = new long[CONNECTS];
      for (int i = 0; i < 200 + CONNECTS; i++) {
        long start = System.nanoTime();
        ControlClient client = node.client();
        long elapsed = System.nanoTime() - start;
        client.close();
        if (i >= 200) {
          connects[i - 200] = elapsed;
        }
      }
      System.out.println(report("call on open session", calls));
      System.out.println(report("connect + handshake", connects));
      assertThat(node.calls.get()).isEqualTo(2_000 + CALLS);
    }
  }

  private static String report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format("%-22s n=%d p50=%.1f us p99=%.1f us max=%.1f us", what, sorted.length,
        sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3, sorted[sorted.length - 1] / 1e3);
  }
}

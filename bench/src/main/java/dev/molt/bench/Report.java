package dev.molt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Prints the results as the Markdown of docs/benchmarks.md. */
final class Report {
  private Report() {}

  static void print(BenchRelease release, List<Launch> launches, Stats molt, Stats plain) {
    double overhead = molt.median() - plain.median();
    double ratio = molt.median() / plain.median();
    boolean withinTarget = overhead <= Math.max(0.25 * plain.median(), 100.0);
    StringBuilder out = new StringBuilder();
    out.append("Date: ").append(LocalDate.now()).append("  \n");
    out.append("Machine: ").append(cpu()).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
        .append("  \n");
    out.append("Runtime: embedded jlink image of JDK ")
        .append(release.descriptor().runtime().javaVersion()).append(" (both sides)  \n\n");
    out.append("| start to first HTTP 200 on /health | runs | min ms | median ms | max ms |\n");
    out.append("| --- | ---: | ---: | ---: | ---: |\n");
    row(out, launches.get(0).label(), molt);
    row(out, launches.get(1).label(), plain);
    out.append(String.format("%nKernel overhead (median): %+.0f ms, ratio %.2f; target <= 25%% or "
        + "<= 100 ms: %s%n%n", overhead, ratio, withinTarget ? "met" : "NOT met"));
    out.append("| release build (prod, jlink) | value |\n| --- | ---: |\n");
    out.append(String.format("| build time | %.1f s |%n", release.buildTime().toMillis() / 1000.0));
    out.append(String.format("| tarball size (runtime included) | %.1f MiB |%n",
        release.tarballBytes() / 1048576.0));
    out.append(String.format("| release folder size | %.1f MiB |%n",
        release.releaseBytes() / 1048576.0));
    System.out.print(out);
  }

  private static void row(StringBuilder out, String label, Stats s) {
    out.append(String.format("| `%s` | %d | %.0f | %.0f | %.0f |%n",
        label, s.runs(), s.min(), s.median(), s.max()));
  }

  private static String cpu() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // not Linux: fall through
    }
    return "unknown CPU";
  }
}

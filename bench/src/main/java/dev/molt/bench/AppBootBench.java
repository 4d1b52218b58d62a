package dev.molt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link BootBench} for any built release: time from process start to the first HTTP 200 on a
 * given path, {@code bin/<name> foreground} against {@code java -cp <the release's jars> <main>}
 * with the release's runtime and jvm.options, alternating which goes first after one unmeasured
 * warm-up of each; and the metaspace each uses right after that first 200. Prints one Markdown
 * table row. Usage: {@code AppBootBench --release DIR --main CLASS [--url /path] [--port-env PORT]
 * [--args "a b"] [--runs N] [--work DIR]}.
 */
public final class AppBootBench {
  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);
  private static final String USAGE = "usage: AppBootBench --release DIR --main CLASS"
      + " [--url /path] [--port-env PORT] [--args \"a b\"] [--runs N] [--work DIR]";

  private AppBootBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    BuiltRelease release = BuiltRelease.read(Path.of(o.get("--release")).toAbsolutePath());
    String portEnv = o.get("--port-env");
    List<String> mainArgs = o.get("--args").isBlank() ? List.of()
        : Arrays.asList(o.get("--args").trim().split("\\s+"));
    List<Launch> launches = List.of(new ReleaseLaunch(release, portEnv),
        new ClassPathLaunch(release, o.get("--main"), mainArgs, portEnv));
    Path work = Files.createDirectories(Path.of(o.get("--work")));
    Path log = work.resolve(release.name() + "-boot.log");
    Files.deleteIfExists(log);
    String url = o.get("--url");
    for (Launch launch : launches) {
      bootOnce(launch, url, log, new ArrayList<>()); // warm-up: file cache, CDS; not measured
    }
    List<List<Double>> millis = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> metaspace = List.of(new ArrayList<>(), new ArrayList<>());
    int runs = Integer.parseInt(o.get("--runs"));
    for (int run = 0; run < runs; run++) {
      for (int k = 0; k < 2; k++) {
        int which = (run + k) % 2; // alternate which launch goes first
        millis.get(which).add(bootOnce(launches.get(which), url, log, metaspace.get(which)));
      }
      System.err.printf("%s: run %d/%d done%n", release.name(), run + 1, runs);
    }
    Stats molt = Stats.of(millis.get(0));
    Stats plain = Stats.of(millis.get(1));
    System.out.println("| release | runs | `bin/<name> foreground` median ms | `java -cp` median ms"
        + " | ratio | metaspace used, Molt | metaspace used, `java -cp` |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    System.out.printf("| %s %s | %d | %.0f | %.0f | %.2f | %s | %s |%n", release.name(),
        release.version(), runs, molt.median(), plain.median(), molt.median() / plain.median(),
        mib(metaspace.get(0)), mib(metaspace.get(1)));
  }

  private static double bootOnce(Launch launch, String url, Path log, List<Double> metaspaceKb)
      throws Exception {
    int port = BootBench.freePort();
    long begin = System.nanoTime();
    Process process = launch.start(port, log);
    try {
      long ok = HealthProbe.awaitOk(port, url, BOOT_TIMEOUT, process);
      Optional<Long> used = Metaspace.usedKb(process);
      used.ifPresent(kb -> metaspaceKb.add(kb.doubleValue()));
      return (ok - begin) / 1_000_000.0;
    } finally {
      launch.stop(process);
    }
  }

  private static String mib(List<Double> kb) {
    return kb.isEmpty() ? "n/a" : String.format("%.1f MiB", Stats.of(kb).median() / 1024);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> values = new HashMap<>(Map.of("--url", "/health", "--port-env", "PORT",
        "--args", "", "--runs", "5", "--work", "bench/target/apps"));
    // --fixtures is what bench/run.sh passes to every bench; this one does not need it.
    List<String> known = List.of("--release", "--main", "--url", "--port-env", "--args",
        "--runs", "--work", "--fixtures");
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!known.contains(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
      }
      values.put(args[i], args[i + 1]);
    }
    for (String required : List.of("--release", "--main")) {
      if (!values.containsKey(required)) {
        throw new IllegalArgumentException(required + " is missing; " + USAGE);
      }
    }
    return values;
  }
}

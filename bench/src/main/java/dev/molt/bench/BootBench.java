package dev.molt.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Time from process start to the first HTTP 200 on {@code /health}: {@code bin/book_app
 * foreground} against {@code java -cp <all jars> BookMain} on the same runtime, alternating which
 * goes first, after one unmeasured warm-up of each. Also builds the release and reports its build
 * time and tarball size. Usage: {@code BootBench --fixtures DIR [--runs N] [--work DIR]
 * [--bin-script FILE] [--skip-hooks true]}; {@code --skip-hooks true} boots the release with
 * {@code MOLT_SKIP_HOOKS=1} (see {@link MoltLaunch}); {@code --bin-script} replaces the built {@code bin/book_app} with a
 * bin-script template ({@code @NAME@} substituted), to measure a script change before the release
 * builder ships it.
 */
public final class BootBench {
  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  private BootBench() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Runtime.getRuntime().addShutdownHook(new Thread(BootBench::killAll, "bench-cleanup"));
    BenchRelease release = BenchRelease.build(options.fixtures(), options.work());
    if (!options.binScript().isEmpty()) {
      release.replaceBinScript(Path.of(options.binScript()).toAbsolutePath());
    }
    List<Launch> launches = List.of(
        new MoltLaunch(release.root(), options.skipHooks()),
        new PlainLaunch(release.java(), release.jvmOptions(), release.classPath(),
            Files.createDirectories(options.work().resolve("plain-var/book_app"))));
    Path log = options.work().resolve("boot.log");
    Files.deleteIfExists(log);

    for (Launch launch : launches) {
      bootOnce(launch, log); // warm-up: file cache, CDS archive mapping; not measured
    }
    List<List<Double>> millis = List.of(new ArrayList<>(), new ArrayList<>());
    for (int run = 0; run < options.runs(); run++) {
      for (int k = 0; k < 2; k++) {
        int which = (run + k) % 2; // alternate which launch goes first
        millis.get(which).add(bootOnce(launches.get(which), log));
      }
      System.err.printf("run %d/%d done%n", run + 1, options.runs());
    }
    Report.print(release, launches, Stats.of(millis.get(0)), Stats.of(millis.get(1)));
    if (!options.binScript().isEmpty()) {
      System.out.println("\nbin/book_app: from " + options.binScript());
    }
  }

  /** Starts, waits for the first 200, stops; returns milliseconds from start to that 200. */
  private static double bootOnce(Launch launch, Path log) throws Exception {
    int port = freePort();
    long begin = System.nanoTime();
    Process process = launch.start(port, log);
    RUNNING.add(process);
    try {
      long ok = HealthProbe.awaitOk(port, BOOT_TIMEOUT, process);
      return (ok - begin) / 1_000_000.0;
    } finally {
      launch.stop(process);
      RUNNING.remove(process);
    }
  }

  /** A free TCP port on the loopback address. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void killAll() {
    for (Process p : RUNNING) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  /** Command-line options. */
  record Options(Path fixtures, int runs, Path work, String binScript, boolean skipHooks) {
    static Options parse(String[] args) {
      Map<String, String> values = new java.util.HashMap<>(Map.of("--fixtures", "fixtures",
          "--runs", "10", "--work", "bench/target/boot", "--bin-script", "", "--skip-hooks",
          "false"));
      for (int i = 0; i + 1 < args.length; i += 2) {
        if (!values.containsKey(args[i])) {
          throw new IllegalArgumentException("unknown option " + args[i]
              + "; use --fixtures DIR, --runs N, --work DIR, --bin-script FILE, --skip-hooks true");
        }
        values.put(args[i], args[i + 1]);
      }
      return new Options(Path.of(values.get("--fixtures")).toAbsolutePath().normalize(),
          Integer.parseInt(values.get("--runs")),
          Path.of(values.get("--work")).toAbsolutePath().normalize(), values.get("--bin-script"),
          Boolean.parseBoolean(values.get("--skip-hooks")));
    }
  }
}

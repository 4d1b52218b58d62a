package dev.molt.bench.soak;

import dev.molt.control.ControlClient;
import dev.molt.control.Cookie;
import dev.molt.control.Request;
import dev.molt.control.Response;
import dev.molt.format.EntryPoint;
import dev.molt.release.AppInput;
import dev.molt.release.KernelJars;
import dev.molt.release.ReleaseBuilder;
import dev.molt.release.ReleaseRequest;
import dev.molt.testsupport.javac.SourceJars;
import dev.molt.testsupport.tally.TallySources;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The soak: N upgrade/downgrade cycles in one node JVM under continuous load, each an {@code
 * update} of a stateful service whose state changes shape up ({@code 1.0.0 -> 2.0.0}, a map of
 * counts into a list of entries) and back down.
 *
 * <p>Compiles a small app ({@code tally}: an HTTP server whose counters live in the service
 * {@code tally.unit.TallyService}; test-support's TallySources, as in ServiceUpdateIT) in two
 * versions with javax.tools, builds release 1.0.0 with the release builder, installs 2.0.0 beside it (its {@code
 * releases/2.0.0/} with a hand-written relup: {@code update}, {@code point_of_no_return}, {@code
 * purge}), starts the node with {@code bin/tally start}, and while client threads call {@code POST
 * /add?load} sends {@code upgrade 2.0.0} then {@code downgrade 1.0.0} N times over the control
 * channel directly (the request {@code bin/tally upgrade|downgrade} sends, without a client JVM per
 * command). At the start, every 100 cycles and at the end it samples the node: metaspace used and
 * loaded classes after a {@code System.gc()} (through {@code rpc tally.Probe.figures}, in the
 * node), the JVM's live threads, and the process's threads and open file descriptors (from {@code
 * /proc/<pid>}). Checks every call answered 200, no update was lost ({@code /get?load} equals the
 * calls that answered), and every purge reported the old loader collected. Writes the table to
 * stdout. Each control call is bounded (120 s), the run by {@code --minutes}; the node and the
 * clients are stopped in every case.
 *
 * <pre>
 * bench/soak.sh [--cycles 500] [--every 100] [--threads 2] [--minutes 60]
 * </pre>
 */
public final class SoakBench {
  /** What the soak samples inside the node, after a collection. */
  private static final String PROBE = """
      package tally;
      import java.lang.management.*;
      public final class Probe {
        private Probe() {}
        public static String figures() {
          System.gc();
          long metaspace = 0;
          for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) metaspace = pool.getUsage().getUsed();
          }
          ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
          return metaspace + " " + classes.getLoadedClassCount() + " "
              + classes.getUnloadedClassCount() + " "
              + ManagementFactory.getThreadMXBean().getThreadCount();
        }
        /** The live threads by name (digits as #), with their counts. */
        public static String threads() {
          java.util.TreeMap<String, Integer> names = new java.util.TreeMap<>();
          for (Thread t : Thread.getAllStackTraces().keySet()) {
            names.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
          }
          return names.toString();
        }
      }
      """;
  private static final Duration CALL_LIMIT = Duration.ofSeconds(120);
  private static final String COLLECTED = "purge tally: old class loader collected";

  private final Path work;
  private final ExecutorService calls = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "soak-control");
    t.setDaemon(true);
    return t;
  });
  private Path node;
  private byte[] cookie;
  /** What the control channel is doing now, for the clients' failure messages. */
  private static volatile String phase = "before the first cycle";

  private SoakBench(Path work) {
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    int cycles = 500;
    int every = 100;
    int threads = 2;
    int minutes = 60;
    Path work = Path.of("bench/target/soak").toAbsolutePath();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--cycles" -> cycles = Integer.parseInt(args[i + 1]);
        case "--every" -> every = Integer.parseInt(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--minutes" -> minutes = Integer.parseInt(args[i + 1]);
        case "--work" -> work = Path.of(args[i + 1]).toAbsolutePath();
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --cycles N --every N --threads T --minutes M --work DIR");
      }
    }
    if (args.length % 2 != 0 || cycles < 1 || every < 1 || threads < 1 || minutes < 1) {
      throw new IllegalArgumentException("options: --cycles N --every N --threads T"
          + " --minutes M --work DIR, each N, T, M at least 1");
    }
    SoakBench soak = new SoakBench(work);
    System.exit(soak.run(cycles, every, threads, Duration.ofMinutes(minutes)));
  }

  private int run(int cycles, int every, int threads, Duration limit) throws Exception {
    deleteTree(work);
    Files.createDirectories(work);
    Path v1 = release("1.0.0", false);
    Path v2 = release("2.0.0", true);
    String update = "{ \"op\" : \"update\", \"app\" : \"tally\", \"service\" : "
        + "\"tally.unit.TallyService\", \"unit\" : \"tally.unit\", \"migration\" : "
        + "\"tally.unit.TallyServiceMigration\" }";
    String tail = "{ \"op\" : \"point_of_no_return\" }, { \"op\" : \"purge\", \"app\" : \"tally\" }";
    Files.writeString(v2.resolve("releases/2.0.0/relup.json"), "{\n  \"schema\" : 1,\n"
        + "  \"release\" : \"tally\",\n  \"version\" : \"2.0.0\",\n  \"up\" : [ { \"from\" : "
        + "\"1.0.0\", \"steps\" : [ " + update + ", " + tail + " ] } ],\n  \"down\" : [ { \"to\" : "
        + "\"1.0.0\", \"steps\" : [ " + update + ", " + tail + " ] } ]\n}\n");
    node = v1;
    sh(List.of("cp", "-a", v2.resolve("releases/2.0.0").toString(),
        node.resolve("releases/2.0.0").toString()));
    try (Stream<Path> libs = Files.list(v2.resolve("lib"))) {
      for (Path lib : (Iterable<Path>) libs::iterator) {
        Path target = node.resolve("lib").resolve(lib.getFileName().toString());
        if (!Files.exists(target)) {
          sh(List.of("cp", "-a", lib.toString(), target.toString()));
        }
      }
    }
    int port = freePort();
    Load load = null;
    long pid = -1;
    try {
      startNode(port);
      pid = Long.parseLong(Files.readString(node.resolve("tmp/tally.pid")).trim());
      System.out.printf(Locale.ROOT, "node pid %d, port %d, %d cycles, %d client threads,"
          + " java %s, %d cores, load average at start: %s%n", pid, port, cycles, threads,
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
          loadAverage());
      load = new Load(port, threads);
      load.start();
      Thread.sleep(1000);
      List<String> rows = new ArrayList<>();
      phase = "sampling";
      rows.add(sample(pid, 0, load, 0));
      String startThreads = call("rpc", "tally.Probe.threads").output().trim();
      long deadline = System.nanoTime() + limit.toNanos();
      int collected = 0;
      int done = 0;
      long begin = System.nanoTime();
      List<String> problems = new ArrayList<>();
      for (int c = 1; c <= cycles; c++) {
        if (System.nanoTime() > deadline) {
          problems.add("stopped after " + done + " cycles: the --minutes limit was reached");
          break;
        }
        for (String[] move : new String[][] {{"upgrade", "2.0.0"}, {"downgrade", "1.0.0"}}) {
          phase = "during cycle " + c + "'s " + move[0];
          Response r = call(move[0], move[1]);
          phase = "after cycle " + c + "'s " + move[0];
          if (r.exitCode() != 0) {
            problems.add("cycle " + c + ": " + move[0] + " " + move[1] + " exited "
                + r.exitCode() + ": " + r.output() + r.error());
            break;
          }
          if (r.output().contains(COLLECTED)) {
            collected++;
          }
        }
        if (!problems.isEmpty()) {
          break;
        }
        done = c;
        if (c % every == 0 || c == cycles) {
          phase = "sampling after cycle " + c;
          rows.add(sample(pid, c, load, System.nanoTime() - begin));
        }
      }
      load.stop();
      // The control server's pool makes a thread per connection up to its size and lets each go
      // after 30 s idle: a last row after 35 s without calls shows what stays.
      Thread.sleep(35_000);
      rows.add(sample(pid, done + " +35 s idle", load, System.nanoTime() - begin));
      System.out.println("threads at the start: " + startThreads);
      System.out.println("threads at the end:   " + call("rpc", "tally.Probe.threads").output().trim());
      String total = get(port, "/get?load");
      String releases = call("releases").output();
      System.out.println();
      System.out.println("| cycles | seconds | calls ok | failed calls | metaspace used (KB) |"
          + " loaded classes | unloaded classes | JVM threads | process threads | open fds |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|");
      rows.forEach(System.out::println);
      System.out.println();
      long lost = load.ok.get() - Long.parseLong(total.trim());
      System.out.printf(Locale.ROOT, "%d cycles (%d updates up, %d down) in %.0f s; calls: %d ok,"
          + " %d failed%s; lost updates: %d (/get?load %s for %d calls answered); old loaders"
          + " reported collected at their purge: %d of %d; load average at end: %s%n",
          done, done, done, (System.nanoTime() - begin) / 1e9, load.ok.get(), load.failed.get(),
          load.failure.get() == null ? "" : " (first: " + load.failure.get() + ")", lost,
          total.trim(), load.ok.get(), collected, 2 * done, loadAverage());
      System.out.println("releases, at the end:");
      releases.lines().filter(l -> !l.matches(" +unit .* collected \\(.*"))
          .limit(40).forEach(l -> System.out.println("  " + l));
      boolean ok = problems.isEmpty() && load.failed.get() == 0 && lost == 0
          && collected == 2 * done;
      problems.forEach(p -> System.out.println("PROBLEM: " + p));
      return ok ? 0 : 1;
    } finally {
      if (load != null) {
        load.stop();
      }
      stopNode(pid);
      calls.shutdownNow();
    }
  }

  /** One row: figures after {@code cycle} cycles. */
  private String sample(long pid, Object cycle, Load load, long nanos) throws Exception {
    String[] f = call("rpc", "tally.Probe.figures").output().trim().split(" ");
    long fds;
    try (Stream<Path> open = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      fds = open.count();
    }
    String threads = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
        .filter(l -> l.startsWith("Threads:")).map(l -> l.substring(8).trim()).findFirst()
        .orElse("?");
    String row = String.format(Locale.ROOT, "| %s | %.0f | %d | %d | %,d | %s | %s | %s | %s | %d |",
        cycle, nanos / 1e9, load.ok.get(), load.failed.get(), Long.parseLong(f[0]) / 1024, f[1],
        f[2], f[3], threads, fds);
    System.out.println(row);
    metaspaceReport(pid, cycle);
    return row;
  }

  /**
   * {@code jcmd <pid> VM.metaspace show-loaders} into {@code metaspace-<cycle>.txt}, when this JDK
   * has jcmd: where the metaspace goes, per class loader.
   */
  private void metaspaceReport(long pid, Object cycle) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return;
    }
    try {
      Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.metaspace",
          "show-loaders").redirectErrorStream(true).redirectOutput(work.resolve("metaspace-"
          + cycle.toString().replaceAll("[^0-9a-z]+", "-") + ".txt").toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (IOException | InterruptedException e) {
      System.err.println("jcmd VM.metaspace: " + e);
    }
  }

  private void startNode(int port) throws Exception {
    // The JDK's HttpServer answers ~40 ms late without TCP_NODELAY; the clients would idle.
    for (String v : List.of("1.0.0", "2.0.0")) {
      Files.writeString(node.resolve("releases/" + v + "/jvm.options"),
          "-Dsun.net.httpserver.nodelay=true\n", java.nio.file.StandardOpenOption.APPEND);
    }
    ProcessBuilder start = new ProcessBuilder(node.resolve("bin/tally").toString(), "start")
        .redirectErrorStream(true).redirectOutput(work.resolve("start.out").toFile());
    start.environment().put("PORT", Integer.toString(port));
    Process p = start.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("bin/tally start did not return within 120 s");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("bin/tally start exited " + p.exitValue() + ": "
          + Files.readString(work.resolve("start.out")));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try {
        if (get(port, "/health").equals("ok")) {
          return;
        }
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the node did not answer /health within 120 s", e);
        }
        Thread.sleep(200);
      }
    }
  }

  private void stopNode(long pid) {
    try {
      Process p = new ProcessBuilder(node.resolve("bin/tally").toString(), "stop")
          .redirectErrorStream(true).redirectOutput(work.resolve("stop.out").toFile()).start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (Exception e) {
      System.err.println("bin/tally stop: " + e);
    }
    if (pid > 0) {
      ProcessHandle.of(pid).ifPresent(h -> {
        h.destroyForcibly();
        System.err.println("the node " + pid + " outlived bin/tally stop; killed it");
      });
    }
  }

  /** One request over the control channel, as bin/tally sends it; bounded by CALL_LIMIT. */
  private Response call(String command, String... args) throws Exception {
    if (cookie == null) {
      cookie = Cookie.resolve(node.resolve("releases/COOKIE"), Map.of());
    }
    Path socket = node.resolve("tmp/tally.sock");
    Future<Response> answer = calls.submit(() -> {
      try (ControlClient client = ControlClient.connect(socket, cookie, Duration.ofSeconds(10),
          "tally")) {
        return client.call(Request.of(command, args));
      }
    });
    try {
      return answer.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new IllegalStateException(command + " " + String.join(" ", args)
          + " did not answer within " + CALL_LIMIT.toSeconds() + " s", e);
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static String get(int port, String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).build(), path);
  }

  /**
   * A POST, which the JDK's HttpClient never sends twice: it silently resends a GET whose pooled
   * connection it finds closed, and a resent {@code /add} would count twice (a first run of the
   * soak with GET saw 3 such adds in 220,515).
   */
  private static String post(int port, String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(), path);
  }

  private static String send(HttpRequest request, String path) throws IOException {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Client threads calling {@code POST /add?load} without pause; each 200 is one update. */
  private static final class Load {
    final AtomicLong ok = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicReference<String> failure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    Load(int port, int count) {
      for (int t = 0; t < count; t++) {
        threads.add(new Thread(() -> {
          while (running) {
            try {
              post(port, "/add?load");
              ok.incrementAndGet();
            } catch (IOException | RuntimeException e) {
              long n = failed.incrementAndGet();
              String what = e + " (" + phase + ")";
              failure.compareAndSet(null, what);
              if (n <= 10) {
                System.out.println("failed call " + n + ": " + what);
              }
            }
          }
        }, "soak-client-" + t));
      }
    }

    void start() {
      threads.forEach(Thread::start);
    }

    /** Stops after each thread's call in flight, which is counted. */
    void stop() throws InterruptedException {
      running = false;
      for (Thread t : threads) {
        t.join(60_000);
      }
    }
  }

  private Path release(String version, boolean two) throws Exception {
    Map<String, String> sources = two ? TallySources.v2("v2", Optional.empty())
        : TallySources.v1();
    sources.put("tally/Probe", PROBE);
    Path jar = SourceJars.compile(work.resolve("src-" + version), sources,
        "tally-" + version + ".jar");
    Path rel = work.resolve("rel-" + version);
    ReleaseBuilder builder = new ReleaseBuilder(line -> { });
    builder.init(rel, "tally");
    Files.writeString(rel.resolve("molt.json"), "{\"schema\": 1, \"name\": \"tally\"}");
    AppInput app = new AppInput("tally", version, Optional.empty(), List.of(jar), List.of(),
        Optional.of(new EntryPoint(EntryPoint.Kind.APPLICATION, "tally.TallyApp")));
    ReleaseRequest request = new ReleaseRequest("tally", version, "prod", rel,
        work.resolve("tally-" + version), List.of(app),
        KernelJars.fromClassPath(System.getProperty("java.class.path")), Optional.empty());
    return builder.build(request).releaseDir();
  }

  private static void sh(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

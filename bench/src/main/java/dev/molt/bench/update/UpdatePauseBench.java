package dev.molt.bench.update;

import dev.molt.api.ApplicationContext;
import dev.molt.api.Config;
import dev.molt.api.StatefulService;
import dev.molt.services.app.AppServices;
import dev.molt.services.update.UnitUpdate;
import dev.molt.testsupport.javac.SourceJars;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pause of a live {@code update} of a service holding N entries, and what its callers see:
 * a service ({@link Store}) compiled in two versions into jars (version 1 exports {@code
 * {"counts": {key: n}}}, version 2 {@code {"entries": {key: {"n": n}}}}, its migration converting
 * every entry both ways), published in its unit, filled with N entries, then updated up and back
 * down while caller threads bump counters through the handle. Prints, per direction: the time the
 * gate was closed (drain included), each phase inside it, the state's size as JSON text and the
 * migration's throughput, and the callers' latency p50/p99/max over the calls that started during
 * the update against the calls before it. Checks that no call failed and no bump was lost.
 *
 * <pre>
 * bench/update.sh [--entries 10000,1000000] [--threads 2] [--runs 3]
 * </pre>
 */
public final class UpdatePauseBench {
  private static final String V1 = """
      package benchunit;
      import dev.molt.api.*;
      import java.util.*;
      public final class StoreService implements dev.molt.bench.update.Store, StatefulService {
        private final HashMap<String, Long> counts = new HashMap<>();
        public StoreService(ServiceContext ctx) {}
        public synchronized long bump(String key) { return counts.merge(key, 1L, Long::sum); }
        public synchronized long get(String key) { return counts.getOrDefault(key, 0L); }
        public synchronized int size() { return counts.size(); }
        public synchronized Map<String, Object> exportState() {
          return Map.of("counts", new HashMap<String, Object>(counts));
        }
        @SuppressWarnings("unchecked")
        public synchronized void importState(Map<String, Object> s) {
          counts.clear();
          ((Map<String, Object>) s.get("counts")).forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
        }
      }
      """;
  private static final String V2 = """
      package benchunit;
      import dev.molt.api.*;
      import java.util.*;
      public final class StoreService implements dev.molt.bench.update.Store, StatefulService {
        private final HashMap<String, long[]> counts = new HashMap<>();
        public StoreService(ServiceContext ctx) {}
        public synchronized long bump(String key) { return ++counts.computeIfAbsent(key, k -> new long[1])[0]; }
        public synchronized long get(String key) { long[] c = counts.get(key); return c == null ? 0 : c[0]; }
        public synchronized int size() { return counts.size(); }
        public synchronized Map<String, Object> exportState() {
          HashMap<String, Object> entries = new HashMap<>();
          counts.forEach((k, v) -> entries.put(k, Map.of("n", v[0])));
          return Map.of("entries", entries);
        }
        @SuppressWarnings("unchecked")
        public synchronized void importState(Map<String, Object> s) {
          counts.clear();
          ((Map<String, Object>) s.get("entries")).forEach((k, v) ->
              counts.put(k, new long[] {((Number) ((Map<String, Object>) v).get("n")).longValue()}));
        }
      }
      """;
  private static final String MIGRATION = """
      package benchunit;
      import java.util.*;
      public final class StoreServiceMigration implements dev.molt.api.StateMigration {
        @SuppressWarnings("unchecked")
        public Map<String, Object> up(String from, Map<String, Object> s) {
          HashMap<String, Object> entries = new HashMap<>();
          ((Map<String, Object>) s.get("counts")).forEach((k, v) -> entries.put(k, Map.of("n", v)));
          return Map.of("entries", entries);
        }
        @SuppressWarnings("unchecked")
        public Map<String, Object> down(String to, Map<String, Object> s) {
          HashMap<String, Object> counts = new HashMap<>();
          ((Map<String, Object>) s.get("entries")).forEach((k, v) -> counts.put(k, ((Map<String, Object>) v).get("n")));
          return Map.of("counts", counts);
        }
      }
      """;
  private static final int SAMPLES = 4_000_000;

  private UpdatePauseBench() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(10_000, 1_000_000);
    int threads = 2;
    int runs = 3;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--entries" -> sizes = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf)
            .toList();
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --entries N,M --threads T --runs R");
      }
    }
    Path dir = Files.createTempDirectory("update-bench");
    Path v1 = SourceJars.compile(dir.resolve("v1"), Map.of("StoreService", V1), "store.jar");
    Path v2 = SourceJars.compile(dir.resolve("v2"), Map.of("StoreService", V2,
        "StoreServiceMigration", MIGRATION), "store.jar");
    System.out.printf(Locale.ROOT, "java %s, %d cores, %d caller threads%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), threads);
    for (int entries : sizes) {
      for (int run = 1; run <= runs; run++) {
        measure(v1, v2, entries, threads, run);
      }
    }
  }

  private static void measure(Path v1, Path v2, int entries, int threads, int run)
      throws Exception {
    try (URLClassLoader app = new URLClassLoader("app", new URL[] {v1.toUri().toURL()},
        UpdatePauseBench.class.getClassLoader())) {
      AppServices services = new AppServices(new Context(), List.of(), app);
      Store store = services.publish(Store.class,
          Class.forName("benchunit.StoreService", false, app).asSubclass(Store.class));
      for (int i = 0; i < entries; i++) {
        store.bump("k" + i);
      }
      long stateBytes = jsonSize(((StatefulService) services.find(Store.class).orElseThrow()
          .target()).exportState());
      Callers callers = new Callers(store, threads, Math.min(entries, 1000));
      callers.start();
      Thread.sleep(500); // calls before the update, for the baseline
      for (boolean up : new boolean[] {true, false}) {
        UnitUpdate update = new UnitUpdate(services, new UnitUpdate.Request(
            "benchunit.StoreService", "benchunit",
            Optional.of("benchunit.StoreServiceMigration"),
            List.of((up ? v2 : v1).toUri().toURL()), up ? "1" : "2", up ? "2" : "1", up,
            Duration.ofSeconds(5), Duration.ofSeconds(120)));
        long gcBefore = gcMillis();
        long before = System.nanoTime();
        update.run();
        long after = System.nanoTime();
        long gc = gcMillis() - gcBefore;
        update.retire(new ArrayList<>());
        Thread.sleep(300);
        report(entries, run, up, update, stateBytes, callers, before, after, gc);
      }
      callers.stop();
      long expected = entries + callers.calls.get();
      long total = 0;
      for (int i = 0; i < entries; i++) {
        total += store.get("k" + i);
      }
      if (callers.failures.get() != 0 || total != expected) {
        throw new IllegalStateException("failed calls " + callers.failures.get() + ", counters "
            + total + " for " + expected + " bumps");
      }
    }
  }

  private static void report(int entries, int run, boolean up, UnitUpdate update,
      long stateBytes, Callers callers, long from, long to, long gcMillis) {
    Map<String, Duration> phases = update.lastPhases();
    long migrateNanos = 0;
    StringBuilder phaseText = new StringBuilder();
    for (Map.Entry<String, Duration> p : phases.entrySet()) {
      long ms = p.getValue().toNanos();
      phaseText.append(String.format(Locale.ROOT, " %s %.1f;", shortName(p.getKey()), ms / 1e6));
      if (p.getKey().contains("Migration.")) {
        migrateNanos = ms;
      }
    }
    long[] during = callers.latencies(from, to);
    long[] before = callers.latencies(0, from);
    System.out.printf(Locale.ROOT, "%,d entries, run %d, %s: pause %.1f ms (%s gc %d ms while"
        + " it ran), state %.1f MB"
        + " as JSON, migration %.0f MB/s; callers during the update: %d calls, p50 %.3f ms,"
        + " p99 %.3f ms, max %.1f ms; before it: p50 %.4f ms, p99 %.4f ms%n",
        entries, run, up ? "up" : "down", update.lastPause().toNanos() / 1e6, phaseText.toString()
            .trim(), gcMillis, stateBytes / 1e6, migrateNanos == 0 ? 0 : stateBytes / 1e6
            / (migrateNanos / 1e9), during.length, pct(during, 50), pct(during, 99),
        pct(during, 100), pct(before, 50), pct(before, 99));
  }

  private static long gcMillis() {
    long total = 0;
    for (java.lang.management.GarbageCollectorMXBean gc
        : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static String shortName(String phase) {
    if (phase.contains("Migration.")) {
      return "migrate";
    }
    return phase.replace(" of the old version", "(old)").replace(" of the new version", "(new)")
        .replace("copy of the exported state", "copy(exported)")
        .replace("copy of the migrated state", "copy(migrated)");
  }

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  /** The size of the state as compact JSON text, counted without building the text. */
  private static long jsonSize(Object value) {
    if (value instanceof Map<?, ?> map) {
      long n = 2;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        n += jsonSize(e.getKey()) + 2 + jsonSize(e.getValue());
      }
      return n;
    }
    if (value instanceof List<?> list) {
      long n = 2;
      for (Object o : list) {
        n += jsonSize(o) + 1;
      }
      return n;
    }
    if (value instanceof String s) {
      return s.length() + 2L;
    }
    return String.valueOf(value).length();
  }

  /** Threads bumping counters through the handle, each recording its calls' start and length. */
  private static final class Callers {
    private final Store store;
    private final int keys;
    private final List<Thread> threads = new ArrayList<>();
    private final List<long[][]> samples = new ArrayList<>();
    private final int[] counts;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running = true;

    Callers(Store store, int threads, int keys) {
      this.store = store;
      this.keys = keys;
      this.counts = new int[threads];
      for (int t = 0; t < threads; t++) {
        long[][] s = new long[2][SAMPLES];
        samples.add(s);
        int index = t;
        this.threads.add(new Thread(() -> call(index, s), "caller-" + t));
      }
    }

    void start() {
      threads.forEach(Thread::start);
    }

    void stop() throws InterruptedException {
      running = false;
      for (Thread t : threads) {
        t.join(30_000);
      }
    }

    private void call(int index, long[][] s) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      int n = 0;
      while (running) {
        String key = "k" + random.nextInt(keys);
        long start = System.nanoTime();
        try {
          store.bump(key);
          calls.incrementAndGet();
        } catch (RuntimeException e) {
          failures.incrementAndGet();
        }
        long end = System.nanoTime();
        if (n < SAMPLES) {
          s[0][n] = start;
          s[1][n] = end - start;
          n++;
          counts[index] = n;
        }
      }
    }

    /** The sorted lengths of the calls that started in {@code [from, to)}. */
    long[] latencies(long from, long to) {
      List<Long> found = new ArrayList<>();
      for (int t = 0; t < samples.size(); t++) {
        long[][] s = samples.get(t);
        for (int i = 0; i < counts[t]; i++) {
          if (s[0][i] >= from && s[0][i] < to) {
            found.add(s[1][i]);
          }
        }
      }
      return found.stream().mapToLong(Long::longValue).sorted().toArray();
    }
  }

  /** The app's context, outside a node. */
  private static final class Context implements ApplicationContext, Config {
    @Override
    public String name() {
      return "bench";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public String releaseName() {
      return "bench";
    }

    @Override
    public String releaseVersion() {
      return "1";
    }

    @Override
    public Config config() {
      return this;
    }

    @Override
    public Path dataDir() {
      return Path.of(".");
    }

    @Override
    public Path releaseRoot() {
      return Path.of(".");
    }

    @Override
    public Optional<String> get(String key) {
      return Optional.empty();
    }

    @Override
    public OptionalInt getInt(String key) {
      return OptionalInt.empty();
    }

    @Override
    public String require(String key) {
      throw new IllegalStateException(key);
    }

    @Override
    public Map<String, String> asMap() {
      return Map.of();
    }
  }
}

package dev.molt.testsupport.tally;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sources of {@code tally}, a small app whose counters live in a stateful service, in the two
 * shapes a live {@code update} moves between: an HTTP server on {@code 127.0.0.1:$PORT} ({@code
 * /health}, {@code /version}, {@code /add?key}, {@code /get?key}; a call that throws answers 500
 * with the trace) publishes {@code tally.Tally} from the unit class {@code
 * tally.unit.TallyService}. Version 1 keeps its counts as a map {@code {"counts": {key: n}}},
 * version 2 as a list {@code {"entries": [{"key", "n"}]}} with {@code TallyServiceMigration} both
 * ways. Compile them with {@link dev.molt.testsupport.javac.SourceJars}; the app needs {@code
 * dev.molt.api} on the class path.
 */
public final class TallySources {
  private static final String CONTRACT = """
      package tally;
      public interface Tally {
        long add(String key);
        long get(String key);
        String version();
      }
      """;
  private static final String APP = """
      package tally;
      import com.sun.net.httpserver.HttpServer;
      import dev.molt.api.*;
      import java.net.InetSocketAddress;
      import java.nio.charset.StandardCharsets;
      public final class TallyApp implements Application {
        private HttpServer server;
        private java.util.concurrent.ExecutorService pool;
        public void start(ApplicationContext context) throws Exception {
          Tally tally = context.services().publish(Tally.class, tally.unit.TallyService.class);
          server = HttpServer.create(new InetSocketAddress("127.0.0.1",
              Integer.parseInt(System.getenv("PORT"))), 0);
          server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String body;
            int status = 200;
            try {
              if (path.equals("/health")) body = "ok";
              else if (path.equals("/version")) body = tally.version();
              else if (path.equals("/add")) body = Long.toString(tally.add(query));
              else if (path.equals("/get")) body = Long.toString(tally.get(query));
              else { body = "no route " + path; status = 404; }
            } catch (RuntimeException | Error e) {
              java.io.StringWriter trace = new java.io.StringWriter();
              e.printStackTrace(new java.io.PrintWriter(trace));
              body = trace.toString();
              status = 500;
              System.err.println("tally: " + path + " threw " + body);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
          pool = java.util.concurrent.Executors.newFixedThreadPool(4);
          server.setExecutor(pool);
          server.start();
        }
        public void stop() { server.stop(0); pool.shutdownNow(); }
      }
      """;
  private static final String V1 = """
      package tally.unit;
      import dev.molt.api.*;
      import java.util.*;
      public final class TallyService implements tally.Tally, StatefulService {
        private final ServiceContext context;
        private final Map<String, Long> counts = new HashMap<>();
        public TallyService(ServiceContext context) { this.context = context; }
        public synchronized long add(String key) { return counts.merge(key, 1L, Long::sum); }
        public synchronized long get(String key) { return counts.getOrDefault(key, 0L); }
        public String version() { return "v1:" + context.version(); }
        public static String codeVersion() { return "v1"; }
        public synchronized Map<String, Object> exportState() { return Map.of("counts", new HashMap<>(counts)); }
        @SuppressWarnings("unchecked")
        public synchronized void importState(Map<String, Object> state) {
          counts.clear();
          ((Map<String, Object>) state.get("counts")).forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
        }
      }
      """;
  private static final String V2 = """
      package tally.unit;
      import dev.molt.api.*;
      import java.util.*;
      public final class TallyService implements tally.Tally, StatefulService {
        private final ServiceContext context;
        private final Map<String, long[]> counts = new LinkedHashMap<>();
        public TallyService(ServiceContext context) { this.context = context; }
        public synchronized long add(String key) { return ++counts.computeIfAbsent(key, k -> new long[1])[0]; }
        public synchronized long get(String key) { long[] c = counts.get(key); return c == null ? 0 : c[0]; }
        public String version() { return "@V@:" + context.version(); }
        public static String codeVersion() { return "@V@"; }
        public synchronized Map<String, Object> exportState() {
          List<Object> entries = new ArrayList<>();
          counts.forEach((k, v) -> entries.add(Map.of("key", k, "n", v[0])));
          return Map.of("entries", entries);
        }
        @SuppressWarnings("unchecked")
        public synchronized void importState(Map<String, Object> state) {
          counts.clear();
          for (Object e : (List<Object>) state.get("entries")) {
            Map<String, Object> entry = (Map<String, Object>) e;
            counts.put((String) entry.get("key"), new long[] {((Number) entry.get("n")).longValue()});
          }
        }
      }
      """;
  private static final String MIGRATION = """
      package tally.unit;
      import java.nio.file.*;
      import java.util.*;
      public final class TallyServiceMigration implements dev.molt.api.StateMigration {
        @SuppressWarnings("unchecked")
        public Map<String, Object> up(String from, Map<String, Object> state) {
          slowWhenAsked();
          List<Object> entries = new ArrayList<>();
          ((Map<String, Object>) state.get("counts")).forEach((k, v) -> entries.add(Map.of("key", k, "n", v)));
          return Map.of("entries", entries);
        }
        @SuppressWarnings("unchecked")
        public Map<String, Object> down(String to, Map<String, Object> state) {
          Map<String, Object> counts = new HashMap<>();
          for (Object e : (List<Object>) state.get("entries")) {
            Map<String, Object> entry = (Map<String, Object>) e;
            counts.put((String) entry.get("key"), entry.get("n"));
          }
          return Map.of("counts", counts);
        }
        @SLOW@
      }
      """;
  /** The migration's wait, when a test holds a migration by a file. */
  private static final String SLOW = """
      /** When the test asks (a file), says it is migrating and waits, at most 60 s. */
        private static void slowWhenAsked() {
          Path slow = Path.of("@FILE@");
          if (!Files.exists(slow)) return;
          try {
            Files.writeString(slow.resolveSibling("migrating"), "");
            Thread.sleep(60_000);
          } catch (Exception e) {
            Thread.currentThread().interrupt();
          }
        }
      """;
  private static final String NOT_SLOW = "private static void slowWhenAsked() {}";

  private TallySources() {}

  /**
   * Version 1: the contract, the app and the service with a map of counts. The service's {@code
   * version()} answers {@code v1:<release version>}, its static {@code codeVersion()} {@code v1}.
   *
   * @return source text by path under the source root, without {@code .java}
   */
  public static Map<String, String> v1() {
    Map<String, String> sources = common();
    sources.put("tally/unit/TallyService", V1);
    return sources;
  }

  /**
   * Version 2: the contract, the app, the service with a list of entries and the migration.
   *
   * @param codeVersion what the service's {@code version()} says before {@code :<release
   *     version>} and its static {@code codeVersion()} answers (a release whose only change is
   *     this label makes a {@code redefine})
   * @param slow when present, a file whose existence makes the migration {@code up} write {@code
   *     migrating} beside it and wait up to 60 s
   * @return source text by path under the source root, without {@code .java}
   */
  public static Map<String, String> v2(String codeVersion, Optional<Path> slow) {
    Map<String, String> sources = common();
    sources.put("tally/unit/TallyService", V2.replace("@V@", codeVersion));
    sources.put("tally/unit/TallyServiceMigration", MIGRATION.replace("@SLOW@",
        slow.map(file -> SLOW.replace("@FILE@", file.toString())).orElse(NOT_SLOW)));
    return sources;
  }

  private static Map<String, String> common() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("tally/Tally", CONTRACT);
    sources.put("tally/TallyApp", APP);
    return sources;
  }
}

package dev.molt.upgrade.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.api.testing.FixedContext;
import dev.molt.services.app.AppServices;
import dev.molt.services.unit.UnitLoader;
import dev.molt.services.update.UnitUpdate;
import dev.molt.testsupport.javac.SourceJars;
import dev.molt.upgrade.purge.LoaderPurge;
import dev.molt.upgrade.purge.PurgeLedger;
import dev.molt.upgrade.step.PurgeStep;
import dev.molt.upgrade.step.RetiredLoaders;
import dev.molt.upgrade.step.StepException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's {@code update} step over a service compiled at test time in two versions (the
 * contract {@code demo.Counter} in the app's jar, the implementation in its unit {@code
 * demo.unit}): the step runs, is undone, and {@code purge} disposes the old implementation and
 * sees its unit loader collected.
 */
class UpdateStepTest {
  private static final String CONTRACT = """
      package demo;
      import java.util.*;
      public interface Counter {
        List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());
        long add(long n);
        String version();
      }
      """;
  private static final String V1 = """
      package demo.unit;
      import dev.molt.api.*;
      import java.util.Map;
      public final class CounterService implements demo.Counter, StatefulService {
        private final ServiceContext ctx;
        private long n;
        public CounterService(ServiceContext ctx) { this.ctx = ctx; }
        public synchronized long add(long d) { return n += d; }
        public String version() { return "v1:" + ctx.version(); }
        public synchronized Map<String, Object> exportState() { return Map.of("n", n); }
        public synchronized void importState(Map<String, Object> s) { n = ((Number) s.get("n")).longValue(); }
        public void dispose() { demo.Counter.EVENTS.add("v1 dispose"); }
      }
      """;
  private static final String V2 = """
      package demo.unit;
      import dev.molt.api.*;
      import java.util.Map;
      public final class CounterService implements demo.Counter, StatefulService {
        private final ServiceContext ctx;
        private long total;
        public CounterService(ServiceContext ctx) { this.ctx = ctx; }
        public synchronized long add(long d) { return total += d; }
        public String version() { return "v2:" + ctx.version(); }
        public synchronized Map<String, Object> exportState() { return Map.of("total", total); }
        public synchronized void importState(Map<String, Object> s) {
          if (Boolean.getBoolean("counter.import.fails")) throw new IllegalStateException("no");
          total = ((Number) s.get("total")).longValue();
        }
        public void dispose() { demo.Counter.EVENTS.add("v2 dispose"); }
      }
      """;
  private static final String MIGRATION = """
      package demo.unit;
      import java.util.Map;
      public final class CounterServiceMigration implements dev.molt.api.StateMigration {
        public Map<String, Object> up(String from, Map<String, Object> s) { return Map.of("total", s.get("n")); }
        public Map<String, Object> down(String to, Map<String, Object> s) { return Map.of("n", s.get("total")); }
      }
      """;

  @TempDir Path dir;
  private URLClassLoader app;
  private AppServices services;
  private Object counter;
  private Path v2;
  private final RetiredLoaders retired = new RetiredLoaders();
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

  @BeforeEach
  void bootVersion1() throws Exception {
    Path v1 = jar("v1", Map.of("demo/Counter", CONTRACT, "demo/unit/CounterService", V1));
    v2 = jar("v2", Map.of("demo/Counter", CONTRACT, "demo/unit/CounterService", V2,
        "demo/unit/CounterServiceMigration", MIGRATION));
    app = new URLClassLoader("app", new URL[] {v1.toUri().toURL()},
        getClass().getClassLoader());
    services = new AppServices(new FixedContext("demo", "1"), List.of(), app);
    counter = publish(Class.forName("demo.Counter", false, app),
        Class.forName("demo.unit.CounterService", false, app));
  }

  @AfterEach
  void close() throws Exception {
    System.clearProperty("counter.import.fails");
    app.close();
  }

  @Test
  void run_movesTheServiceToTheNewUnit_purgeDisposesTheOldAndSeesItsLoaderCollected()
      throws Exception {
    call("add", 5L);
    UpdateStep step = new UpdateStep("demo", new UnitUpdate(services, request()), retired, log);

    step.run();

    assertThat(call("version")).isEqualTo("v2:2");
    assertThat(call("add", 1L)).isEqualTo(6L);
    assertThat(step.describe()).startsWith("update demo: CounterService 1 -> 2 (unit demo.unit,"
        + " CounterServiceMigration), callers paused ").endsWith(" ms");
    assertThat(services.classes().orElseThrow().loaderOf("demo.unit.CounterService"))
        .isInstanceOf(UnitLoader.class)
        .satisfies(l -> assertThat(((UnitLoader) l).version()).isEqualTo("2"));

    PurgeStep purge = new PurgeStep("demo", retired, new LoaderPurge(new PurgeLedger(List::of)), "upgrade 1 -> 2");
    purge.run();

    assertThat(purge.describe()).isEqualTo("purge demo: old class loader collected");
    assertThat(events()).containsExactly("v1 dispose");
  }

  @Test
  void undo_movesTheServiceBackWithItsState_andPurgeThenHasNothingToDrop() throws Exception {
    call("add", 5L);
    UpdateStep step = new UpdateStep("demo", new UnitUpdate(services, request()), retired, log);
    step.run();
    call("add", 2L);

    step.undo();

    assertThat(call("version")).isEqualTo("v1:1");
    assertThat(call("add", 0L)).isEqualTo(7L);
    assertThat(events()).containsExactly("v2 dispose");
    PurgeStep purge = new PurgeStep("demo", retired, new LoaderPurge(new PurgeLedger(List::of)), "upgrade 1 -> 2");
    purge.run();
    assertThat(purge.describe()).isEqualTo("purge demo: no old class loader to drop");
  }

  @Test
  void run_whenImportStateThrows_failsTheStep_andTheOldVersionServesWithItsState()
      throws Exception {
    call("add", 5L);
    System.setProperty("counter.import.fails", "true");
    UpdateStep step = new UpdateStep("demo", new UnitUpdate(services, request()), retired, log);

    assertThatThrownBy(step::run).isInstanceOf(StepException.class)
        .hasMessageContaining("update demo: CounterService 1 -> 2")
        .hasMessageContaining("the old version serves again with its state")
        .hasMessageContaining("importState() of the new version threw")
        .hasMessageContaining("IllegalStateException: no");

    assertThat(call("version")).isEqualTo("v1:1");
    assertThat(call("add", 0L)).isEqualTo(5L);
  }

  private UnitUpdate.Request request() throws Exception {
    return new UnitUpdate.Request("demo.unit.CounterService", "demo.unit",
        Optional.of("demo.unit.CounterServiceMigration"), List.of(v2.toUri().toURL()), "1", "2",
        true, Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object publish(Class contract, Class implementation) {
    return services.publish(contract, implementation);
  }

  private Object call(String method, Object... args) throws Exception {
    Class<?> contract = Class.forName("demo.Counter", false, app);
    for (Method m : contract.getMethods()) {
      if (m.getName().equals(method)) {
        return m.invoke(counter, args);
      }
    }
    throw new NoSuchMethodException(method);
  }

  @SuppressWarnings("unchecked")
  private List<String> events() throws Exception {
    return new ArrayList<>((List<String>) Class.forName("demo.Counter", false, app)
        .getField("EVENTS").get(null));
  }

  private Path jar(String name, Map<String, String> sources) throws Exception {
    return SourceJars.compile(dir.resolve(name), sources, name + ".jar");
  }
}

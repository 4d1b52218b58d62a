package dev.molt.kernel.node;

import static dev.molt.kernel.testing.JarBuilder.jar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.kernel.testing.AppSources;
import dev.molt.kernel.testing.ReleaseRoot;
import dev.molt.services.ServiceHandle;
import dev.molt.services.app.AppServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apps publishing services and taking handles to a dependency's, inside this JVM. */
class NodeServicesTest {
  @TempDir static Path build;
  static Path storeJar;
  static Path webJar;

  @TempDir Path root;

  @BeforeAll
  static void buildJars() throws Exception {
    storeJar = jar(build, "store.jar").source("rec.Events", AppSources.EVENTS)
        .source("store.Counter", """
            package store;
            public interface Counter { long increment(); String origin(); }
            """)
        .source("store.impl.CountingCounter", """
            package store.impl;
            import dev.molt.api.*;
            public class CountingCounter implements store.Counter, StatefulService {
              private final ServiceContext context;
              private long count;
              public CountingCounter(ServiceContext context) { this.context = context; }
              public synchronized long increment() { return ++count; }
              public String origin() {
                return context.resource(StringBuilder.class) + " " + context.application().name()
                    + " " + context.version();
              }
              public java.util.Map<String, Object> exportState() { return java.util.Map.of(); }
              public void importState(java.util.Map<String, Object> state) {}
              public void activate() { rec.Events.log("activate"); }
              public void deactivate() { rec.Events.log("deactivate"); }
              public void dispose() { rec.Events.log("dispose"); }
            }
            """)
        .source("store.StoreApp", """
            package store;
            import dev.molt.api.*;
            public class StoreApp implements Application {
              private static volatile Counter counter;
              public static Counter counter() { return counter; }
              public void start(ApplicationContext c) {
                c.services().provide(StringBuilder.class, new StringBuilder("pool"));
                counter = c.services().publish(Counter.class, store.impl.CountingCounter.class);
                rec.Events.log("published " + counter.getClass().getName());
              }
              public void stop() { rec.Events.log("store stop"); }
            }
            """).build();
    webJar = jar(build, "web.jar").classpath(storeJar).source("web.WebApp", """
        package web;
        import dev.molt.api.*;
        public class WebApp implements Application {
          public void start(ApplicationContext c) {
            store.Counter counter = c.services().handle(store.Counter.class);
            rec.Events.log("web " + counter.increment() + " same="
                + (counter == store.StoreApp.counter()) + " " + counter.origin());
          }
          public void stop() { rec.Events.log("web stop"); }
        }
        """).build();
  }

  @BeforeEach
  void events() {
    System.setProperty("molt.test.events", root.resolve("events.log").toString());
  }

  @AfterEach
  void clear() {
    System.clearProperty("molt.test.events");
  }

  @Test
  void publish_atBoot_constructsBehindAHandle_dependentGetsTheSameHandle_stopRetires()
      throws Exception {
    ReleaseRoot.at(root, "shop", "1.0")
        .application("store", storeJar, "store.StoreApp")
        .application("web", webJar, "web.WebApp", "store").write();
    Node node = Node.load(new BootRequest(root, "1.0", Map.of(), true));

    node.startApps(failure -> { });
    NodeApp store = node.apps().stream().filter(a -> a.name().equals("store")).findFirst()
        .orElseThrow();
    AppServices services = store.services().orElseThrow();
    ServiceHandle<?> handle = services.published().get(0);

    assertThat(handle.contract().getName()).isEqualTo("store.Counter");
    assertThat(handle.handle().getClass().getName()).isEqualTo("store.Counter$$MoltHandle");
    assertThat(handle.handle().getClass().getClassLoader())
        .isSameAs(store.loader().orElseThrow());
    assertThat(handle.target().getClass().getName()).isEqualTo("store.impl.CountingCounter");
    assertThat(node.stopApps()).isEmpty();
    assertThat(Files.readAllLines(root.resolve("events.log"))).containsExactly(
        "activate",
        "published store.Counter$$MoltHandle",
        "web 1 same=true pool store 1.0",
        "web stop",
        "store stop",
        "deactivate",
        "dispose");
    assertThat(store.services()).as("forgotten once stopped").isEmpty();
  }
}

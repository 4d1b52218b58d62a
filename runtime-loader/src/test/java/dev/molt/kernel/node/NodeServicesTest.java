package dev.molt.kernel.node;

import static dev.molt.kernel.testing.JarBuilder.jar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.kernel.testing.AppSources;
import dev.molt.kernel.testing.ReleaseRoot;
import dev.molt.kernel.testing.ServiceSources;
import dev.molt.services.ServiceHandle;
import dev.molt.services.app.AppServices;
import dev.molt.services.unit.UnitLoader;
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
        .source("store.Counter", ServiceSources.COUNTER)
        .source("store.impl.CountingCounter", ServiceSources.COUNTING_COUNTER)
        .source("store.StoreApp", ServiceSources.STORE_APP).build();
    webJar = jar(build, "web.jar").classpath(storeJar)
        .source("web.WebApp", ServiceSources.WEB_APP).build();
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
    // the implementation's package is its unit: its own loader above the app's
    ClassLoader unit = handle.target().getClass().getClassLoader();
    assertThat(unit).isInstanceOf(UnitLoader.class);
    assertThat(unit.getParent()).isSameAs(store.loader().orElseThrow());
    assertThat(services.classes().orElseThrow().loaderOf("store.impl.CountingCounter"))
        .isSameAs(unit);
    assertThat(services.classes().orElseThrow().loaderOf("store.StoreApp"))
        .isSameAs(store.loader().orElseThrow());
    assertThat(node.stopApps()).isEmpty();
    assertThat(Files.readAllLines(root.resolve("events.log"))).containsExactly(
        "activate",
        "published store.Counter$$MoltHandle",
        "web 1 same=true pool store 1.0 kernelVisible=false",
        "web stop",
        "store stop",
        "deactivate",
        "dispose");
    assertThat(store.services()).as("forgotten once stopped").isEmpty();
  }
}

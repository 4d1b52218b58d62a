package dev.molt.kernel;

import static dev.molt.kernel.testing.JarBuilder.jar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.kernel.testing.AppSources;
import dev.molt.kernel.testing.KernelProcess;
import dev.molt.kernel.testing.ReleaseRoot;
import dev.molt.kernel.testing.ServiceSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service published at boot in a real kernel JVM, whose apps cannot see the kernel's classes. */
class ServicesBootIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path build;
  @TempDir Path root;
  private KernelProcess kernel;

  @AfterEach
  void destroy() throws Exception {
    if (kernel != null) {
      kernel.close();
    }
  }

  @Test
  void boot_publishedServiceIsCalledThroughItsHandle_stopRetiresIt() throws Exception {
    Path store = jar(build, "store.jar").source("rec.Events", AppSources.EVENTS)
        .source("store.Counter", ServiceSources.COUNTER)
        .source("store.impl.CountingCounter", ServiceSources.COUNTING_COUNTER)
        .source("store.StoreApp", ServiceSources.STORE_APP).build();
    Path web = jar(build, "web.jar").classpath(store)
        .source("web.WebApp", ServiceSources.WEB_APP).build();
    ReleaseRoot.at(root, "shop", "1.0")
        .application("store", store, "store.StoreApp")
        .application("web", web, "web.WebApp", "store").write();
    Path events = root.resolve("events.log");

    kernel = KernelProcess.boot(root, "1.0", Map.of("EVENTS", events.toString()));

    assertThat(kernel.awaitFile(root.resolve("tmp/shop.pid"), TIMEOUT)).as(kernel.stderr())
        .isTrue();
    kernel.process().destroy(); // SIGTERM
    assertThat(kernel.awaitExit(TIMEOUT)).as(kernel.stderr()).isZero();
    assertThat(Files.readAllLines(events)).containsExactly(
        "activate",
        "published store.Counter$$MoltHandle",
        "web 1 same=true pool store 1.0 kernelVisible=false",
        "web stop",
        "store stop",
        "deactivate",
        "dispose");
  }
}

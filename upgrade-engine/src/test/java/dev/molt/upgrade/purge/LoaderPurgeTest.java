package dev.molt.upgrade.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.kernel.loader.AppClassLoader;
import dev.molt.kernel.loader.JdkAndApiLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderPurgeTest {
  private final PurgeLedger ledger = new PurgeLedger(List::of);
  private final LoaderPurge purge = new LoaderPurge(ledger);
  private final List<Thread> started = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void stopThreads() throws InterruptedException {
    for (Thread t : started) {
      t.interrupt();
      t.join(5_000);
    }
  }

  @Test
  void purge_loaderNothingHolds_isCollected_andTheLedgerSaysSo() {
    List<PurgedLoader> purged = purge.purge("upgrade 1.0 -> 2.0", freeLoaders("free-1.0"));

    assertThat(purged).singleElement().satisfies(p -> {
      assertThat(p.collected()).isTrue();
      assertThat(p.label()).isEqualTo("free-1.0");
    });
    assertThat(ledger.lines()).containsExactly(
        "old class loaders: 1 purged since boot, all collected",
        "  free-1.0 collected (upgrade 1.0 -> 2.0)");
  }

  @Test
  void purge_loaderAThreadHolds_isNotCollected_andTheLedgerNamesTheThread() throws Exception {
    Thread holder = startHolding("held-1.0", "held-ticker");

    List<PurgedLoader> purged = purge.purge("upgrade 1.0 -> 2.0",
        List.of(holder.getContextClassLoader()));

    assertThat(purged).singleElement().satisfies(p -> {
      assertThat(p.collected()).isFalse();
      assertThat(p.likelyHolder()).startsWith("thread \"held-ticker\"")
          .endsWith("its context class loader is held-1.0");
    });
    assertThat(ledger.lines()).startsWith(
        "old class loaders: 1 purged since boot, 1 not collected")
        .anyMatch(l -> l.startsWith("  held-1.0 NOT collected (upgrade 1.0 -> 2.0, purged "))
        .anyMatch(l -> l.startsWith("    thread \"held-ticker\" (daemon, "));
    assertThat(PurgeReport.stepLine(purged)).startsWith(
        ": old class loader held-1.0 NOT collected within 2 s, likely held by thread"
            + " \"held-ticker\"");
  }

  @Test
  void lines_afterTheHoldingThreadEnds_reportTheLoaderCollectedSinceThePurge() throws Exception {
    Thread holder = startHolding("later-1.0", "later-ticker");
    purge.purge("upgrade 1.0 -> 2.0", List.of(holder.getContextClassLoader()));
    holder.setContextClassLoader(null);
    holder.interrupt();
    holder.join(5_000);

    for (int i = 0; i < 10 && !ledger.now().get(0).collected(); i++) {
      System.gc();
      Thread.sleep(50);
    }

    assertThat(ledger.lines()).containsExactly(
        "old class loaders: 1 purged since boot, all collected",
        "  later-1.0 collected (upgrade 1.0 -> 2.0)");
  }

  @Test
  void purge_appLoaderWithARegisteredJdbcDriver_deregistersIt_andTheLoaderIsCollected()
      throws Exception {
    Path jar = jarOf(RegisteringDriver.class);

    List<PurgedLoader> purged = purge.purge("upgrade 1.0 -> 2.0", driverLoaders(jar));

    assertThat(purged).singleElement().satisfies(p -> {
      assertThat(p.drivers()).containsExactly(RegisteringDriver.class.getName());
      assertThat(p.collected()).isTrue();
    });
    assertThat(ledger.lines()).contains("  drivers-1.0 collected (upgrade 1.0 -> 2.0; JDBC"
        + " drivers it left registered, now deregistered: "
        + RegisteringDriver.class.getName() + ")");
  }

  /** A loader with a class of its own, referenced from nowhere but the returned list. */
  private static List<ClassLoader> freeLoaders(String name) {
    OldCode old = new OldCode(name);
    old.copyOf(SpinningRunnable.class);
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(old);
    return loaders;
  }

  /** An application loader whose driver registered itself, as the kernel does before start. */
  private static List<ClassLoader> driverLoaders(Path jar) throws Exception {
    AppClassLoader loader = new AppClassLoader("drivers-1.0", List.of(jar), List.of(),
        JdkAndApiLoader.create());
    Class.forName(RegisteringDriver.class.getName(), true, loader);
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(loader);
    return loaders;
  }

  private Thread startHolding(String loaderName, String threadName) {
    Thread t = new Thread(new SpinningRunnable(), threadName);
    t.setContextClassLoader(new OldCode(loaderName));
    t.setDaemon(true);
    started.add(t);
    t.start();
    return t;
  }

  private Path jarOf(Class<?> type) throws IOException {
    Path jar = dir.resolve("old.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out)) {
      zip.putNextEntry(new JarEntry(type.getName().replace('.', '/') + ".class"));
      zip.write(OldCode.bytes(type));
      zip.closeEntry();
    }
    return jar;
  }
}

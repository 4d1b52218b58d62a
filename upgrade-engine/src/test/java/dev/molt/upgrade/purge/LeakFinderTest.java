package dev.molt.upgrade.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeakFinderTest {
  private final List<Thread> started = new ArrayList<>();
  private final LeakFinder finder = new LeakFinder(List.of());

  @AfterEach
  void stopThreads() throws InterruptedException {
    for (Thread t : started) {
      t.interrupt();
      t.join(5_000);
    }
  }

  private Thread start(Thread t) {
    t.setDaemon(true);
    started.add(t);
    t.start();
    return t;
  }

  @Test
  void find_threadWithTheOldLoaderAsContextLoader_namesTheThread() {
    OldCode old = new OldCode("tccl-app-1.0");
    Thread t = new Thread(new SpinningRunnable(), "kept-context");
    t.setContextClassLoader(old);
    start(t);

    List<Holder> holders = finder.find(old);

    assertThat(holders).filteredOn(h -> h.kind() == Holder.Kind.THREAD).singleElement()
        .extracting(Holder::text).asString()
        .startsWith("thread \"kept-context\" (daemon, ")
        .endsWith(": its context class loader is tccl-app-1.0");
  }

  @Test
  void find_threadRunningARunnableOfTheOldLoader_namesTheThreadAndTheMethod() throws Exception {
    OldCode old = new OldCode("runnable-app-1.0");
    start(new Thread((Runnable) old.newInstance(SpinningRunnable.class), "old-runnable"));

    List<Holder> holders = awaitHolders(old);

    assertThat(holders).filteredOn(h -> h.kind() == Holder.Kind.THREAD).singleElement()
        .extracting(Holder::text).asString().startsWith("thread \"old-runnable\"")
        .contains("it runs dev.molt.upgrade.purge.SpinningRunnable.run of runnable-app-1.0");
  }

  @Test
  void find_threadOfAClassOfTheOldLoader_namesItsClass() throws Exception {
    OldCode old = new OldCode("thread-app-1.0");
    start((Thread) old.newInstance(SpinningThread.class));

    List<Holder> holders = awaitHolders(old);

    assertThat(holders).filteredOn(h -> h.kind() == Holder.Kind.THREAD).singleElement()
        .extracting(Holder::text).asString().startsWith("thread \"old-thread-subclass\"")
        .contains("its class dev.molt.upgrade.purge.SpinningThread is of thread-app-1.0",
            "it runs dev.molt.upgrade.purge.SpinningThread.run of thread-app-1.0");
  }

  @Test
  void find_loggingHandlerOfTheOldLoader_namesTheLoggerAndTheHandler() throws Exception {
    OldCode old = new OldCode("logging-app-1.0");
    Logger logger = Logger.getLogger("dev.molt.test.leaky");
    Handler handler = (Handler) old.newInstance(KeptHandler.class);
    logger.addHandler(handler);
    try {
      List<Holder> holders = finder.find(old);

      assertThat(holders).filteredOn(h -> h.kind() == Holder.Kind.LOGGING).singleElement()
          .extracting(Holder::text).isEqualTo("java.util.logging logger \"dev.molt.test.leaky\""
              + " has the handler dev.molt.upgrade.purge.KeptHandler of logging-app-1.0");
    } finally {
      logger.removeHandler(handler);
    }
  }

  @Test
  void find_loaderNothingHolds_namesNoHolderButSaysWhatItCouldNotCheck() throws Exception {
    assumeFalse(Thread.class.getDeclaredField("threadLocals").trySetAccessible(),
        "java.lang is open to this test (JavaLangOpenTest covers that case)");
    OldCode old = new OldCode("quiet-app-1.0");
    old.newInstance(SpinningRunnable.class);

    List<Holder> holders = finder.find(old);

    assertThat(holders).extracting(Holder::kind).containsOnly(Holder.Kind.NOT_CHECKED);
    assertThat(holders).extracting(Holder::text).containsExactly(JavaLangReach.NOT_OPEN);
  }

  @Test
  void find_threadOfAnotherLoader_isNotNamed() throws Exception {
    OldCode old = new OldCode("mine-1.0");
    OldCode other = new OldCode("other-1.0");
    start(new Thread((Runnable) other.newInstance(SpinningRunnable.class), "other-runnable"));
    awaitHolders(other);

    assertThat(finder.find(old)).noneMatch(h -> h.text().contains("other-runnable"));
  }

  /** Holders of {@code old}, once a started thread shows its frames (at most 10 s). */
  private List<Holder> awaitHolders(ClassLoader old) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<Holder> holders = finder.find(old);
    while (holders.stream().noneMatch(h -> h.text().contains("it runs"))
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
      holders = finder.find(old);
    }
    return holders;
  }
}

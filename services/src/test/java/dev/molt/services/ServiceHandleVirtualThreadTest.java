package dev.molt.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.services.sample.Counter;
import dev.molt.services.sample.CountingService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Virtual threads through a handle (JDK 21+; skipped, saying so, on older runtimes). */
class ServiceHandleVirtualThreadTest {

  @Test
  void swapsWhileManyVirtualThreadsCall_noLostUpdate() throws Exception {
    ExecutorService virtualThreads = virtualThreadExecutor();
    AtomicReference<Counter> self = new AtomicReference<>();
    ServiceHandle<Counter> handle =
        ServiceHandle.create(Counter.class, new CountingService("0", 0, self::get));
    self.set(handle.handle());
    try {
      AtomicBoolean running = new AtomicBoolean(true);
      List<Future<Long>> callers = new ArrayList<>();
      for (int t = 0; t < 500; t++) {
        callers.add(virtualThreads.submit(() -> {
          long made = 0;
          while (running.get()) {
            handle.handle().increment();
            made++;
            Thread.yield(); // lets the other virtual threads onto the carriers
          }
          return made;
        }));
      }
      long seen = 0;
      for (int version = 1; version <= 50; version++) {
        // Swap only while the callers make progress, so that every swap meets calls in flight.
        awaitProgress(handle.handle(), seen);
        seen = handle.handle().get();
        handle.suspend(Duration.ofSeconds(5));
        long state = handle.target().get();
        handle.resume(new CountingService(Integer.toString(version), state, self::get));
      }
      running.set(false);
      long made = 0;
      for (Future<Long> caller : callers) {
        made += caller.get(30, TimeUnit.SECONDS);
      }

      assertThat(handle.handle().get()).as("every increment of 500 virtual threads counted")
          .isEqualTo(made);
    } finally {
      virtualThreads.shutdownNow();
      assertThat(virtualThreads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void awaitProgress(Counter counter, long past) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (counter.get() <= past) {
      assertThat(System.nanoTime() - deadline).as("calls progressed past %d within 10 s, at %d", past, counter.get()).isNegative();
      Thread.sleep(1);
    }
  }

  private static ExecutorService virtualThreadExecutor() throws ReflectiveOperationException {
    try {
      // Reflection: the module compiles for Java 17, which has no virtual threads.
      return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
          .invoke(null);
    } catch (NoSuchMethodException e) {
      // test-support's SkipReport prints and lists the reason.
      Assumptions.abort("virtual threads need JDK 21+, this JVM is " + Runtime.version());
      throw e;
    }
  }
}

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
      List<Future<?>> calls = new ArrayList<>();
      for (int t = 0; t < 500; t++) {
        calls.add(virtualThreads.submit(() -> {
          for (int i = 0; i < 200; i++) {
            handle.handle().increment();
          }
        }));
      }
      for (int version = 1; version <= 50; version++) {
        handle.suspend(Duration.ofSeconds(5));
        long state = handle.target().get();
        handle.resume(new CountingService(Integer.toString(version), state, self::get));
      }
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }

      assertThat(handle.handle().get()).as("every increment of 500 virtual threads counted")
          .isEqualTo(500L * 200);
    } finally {
      virtualThreads.shutdownNow();
      assertThat(virtualThreads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static ExecutorService virtualThreadExecutor() throws ReflectiveOperationException {
    try {
      // Reflection: the module compiles for Java 17, which has no virtual threads.
      return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
          .invoke(null);
    } catch (NoSuchMethodException e) {
      String reason = "skipped: virtual threads need JDK 21+, this JVM is " + Runtime.version();
      System.err.println(ServiceHandleVirtualThreadTest.class.getSimpleName() + " " + reason);
      Assumptions.abort(reason);
      throw e;
    }
  }
}

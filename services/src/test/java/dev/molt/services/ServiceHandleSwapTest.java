package dev.molt.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.services.sample.Counter;
import dev.molt.services.sample.CountingService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceHandleSwapTest {
  private static final Duration DRAIN = Duration.ofSeconds(5);

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicReference<Counter> self = new AtomicReference<>();

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).as("test threads ended").isTrue();
  }

  private ServiceHandle<Counter> counter() throws InvalidContractException {
    ServiceHandle<Counter> handle =
        ServiceHandle.create(Counter.class, new CountingService("0", 0, self::get));
    self.set(handle.handle());
    return handle;
  }

  @Test
  void swapUnderLoad_severalThreadsWithReentrantCalls_noFailedCallAndNoLostUpdate()
      throws Exception {
    ServiceHandle<Counter> handle = counter();
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Future<Long>> callers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      callers.add(threads.submit(() -> callUntilStopped(handle.handle(), running, failures)));
    }
    int swaps = 300;
    long seen = 0;
    for (int version = 1; version <= swaps; version++) {
      // Swap only while the callers make progress, so that every swap meets calls in flight.
      long before = seen;
      awaitTrue(() -> handle.handle().get() > before);
      seen = handle.handle().get();
      handle.suspend(DRAIN);
      // What an update does: export from the drained old version, import into the new one.
      long state = handle.target().get();
      handle.resume(new CountingService(Integer.toString(version), state, self::get));
    }
    running.set(false);
    long made = 0;
    for (Future<Long> caller : callers) {
      made += caller.get(30, TimeUnit.SECONDS);
    }

    assertThat(failures).as("failed calls").isEmpty();
    assertThat(made).as("increments made").isGreaterThan(swaps);
    assertThat(handle.handle().get()).as("no increment lost across %d swaps", swaps)
        .isEqualTo(made);
    assertThat(((CountingService) handle.target()).version()).isEqualTo(Integer.toString(swaps));
  }

  private static long callUntilStopped(Counter counter, AtomicBoolean running,
      ConcurrentLinkedQueue<Throwable> failures) {
    long made = 0;
    for (int i = 0; running.get(); i++) {
      try {
        if (i % 16 == 0) {
          counter.incrementTwice();
          made += 2;
        } else {
          counter.increment();
          made++;
        }
      } catch (RuntimeException | Error e) {
        failures.add(e);
      }
    }
    return made;
  }

  @Test
  void suspend_callThatBlocks_timesOutNamingTheStuckThread_andTheOldTargetKeepsServing()
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Counter blocking = new CountingService("old", 41, self::get) {
      @Override
      public long mix(long a, int b, double c, boolean flag, char letter) {
        entered.countDown();
        awaitQuietly(release);
        return a;
      }
    };
    ServiceHandle<Counter> handle = ServiceHandle.create(Counter.class, blocking);
    threads.submit(() -> {
      Thread.currentThread().setName("stuck-caller");
      return handle.handle().mix(7, 0, 0, false, 'x');
    });
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> handle.suspend(Duration.ofMillis(200)))
        .isInstanceOfSatisfying(DrainTimeoutException.class, e -> {
          assertThat(e.stuck()).extracting(StuckCall::threadName).containsExactly("stuck-caller");
          assertThat(e.getMessage()).contains("thread 'stuck-caller'")
              .contains("ServiceHandleSwapTest").contains("within 200 ms");
        });
    assertThat(handle.isSuspended()).as("the gate is open again").isFalse();
    CompletableFuture<Long> later = CompletableFuture.supplyAsync(handle.handle()::increment, threads);
    assertThat(later.get(10, TimeUnit.SECONDS)).as("the old target serves").isEqualTo(42);
    release.countDown();
  }

  @Test
  void drain_ofACallParkedAtAnotherSuspendedHandle_timesOutShowingTheGate_thenBothServe()
      throws Exception {
    ServiceHandle<Counter> inner = counter();
    Counter outerTarget = new CountingService("outer", 0, self::get) {
      @Override
      public long mix(long a, int b, double c, boolean flag, char letter) {
        return inner.handle().increment(); // a call through another service's handle
      }
    };
    ServiceHandle<Counter> outer = ServiceHandle.create(Counter.class, outerTarget);
    inner.suspend(DRAIN);
    AtomicReference<Thread> callerThread = new AtomicReference<>();
    Future<Long> call = threads.submit(() -> {
      callerThread.set(Thread.currentThread());
      return outer.handle().mix(0, 0, 0, false, 'x');
    });
    awaitTrue(() -> callerThread.get() != null
        && callerThread.get().getState() == Thread.State.WAITING);

    assertThatThrownBy(() -> outer.suspend(Duration.ofMillis(200)))
        .isInstanceOfSatisfying(DrainTimeoutException.class, e ->
            assertThat(e.getMessage()).contains(callerThread.get().getName())
                .contains("dev.molt.services.gate.Gate.waitForOpen"));
    inner.resume();

    assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(outer.handle().origin()).isEqualTo("override outer");
  }

  @Test
  void callThroughOwnHandle_whileTheDrainWaitsForItsCaller_doesNotDeadlock() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    Counter reentrant = new CountingService("old", 0, self::get) {
      @Override
      public long mix(long a, int b, double c, boolean flag, char letter) {
        entered.countDown();
        awaitQuietly(proceed);
        return self.get().increment(); // nested call while the gate is closed
      }
    };
    ServiceHandle<Counter> handle = ServiceHandle.create(Counter.class, reentrant);
    self.set(handle.handle());
    Future<Long> call = threads.submit(() -> handle.handle().mix(0, 0, 0, false, 'x'));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    Future<?> suspension = threads.submit(() -> {
      handle.suspend(DRAIN);
      return null;
    });
    awaitTrue(handle::isSuspended);
    proceed.countDown();

    assertThat(call.get(10, TimeUnit.SECONDS)).as("the nested call passed the closed gate")
        .isEqualTo(1);
    suspension.get(10, TimeUnit.SECONDS);
    assertThat(handle.isSuspended()).isTrue();
    handle.resume();
  }

  @Test
  void callDuringSuspend_parksAtTheGate_andReachesTheNewTargetAfterResume() throws Exception {
    ServiceHandle<Counter> handle = counter();
    handle.suspend(DRAIN);
    AtomicReference<Thread> callerThread = new AtomicReference<>();
    Future<String> call = threads.submit(() -> {
      callerThread.set(Thread.currentThread());
      return handle.handle().origin();
    });
    awaitTrue(() -> callerThread.get() != null
        && callerThread.get().getState() == Thread.State.WAITING);
    assertThat(call.isDone()).as("parked while suspended").isFalse();

    handle.resume(new CountingService("new", 0, self::get));

    assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("override new");
  }

  @Test
  void resumeWithoutSwap_keepsTheOldTarget() throws Exception {
    ServiceHandle<Counter> handle = counter();
    Counter before = handle.target();
    handle.suspend(DRAIN);
    handle.resume();

    assertThat(handle.target()).isSameAs(before);
    assertThat(handle.handle().increment()).isEqualTo(1);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("condition met within 10 s").isNegative();
      Thread.sleep(5);
    }
  }
}

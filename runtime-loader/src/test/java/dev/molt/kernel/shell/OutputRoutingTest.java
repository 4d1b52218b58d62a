package dev.molt.kernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutputRoutingTest {
  private final ByteArrayOutputStream original = new ByteArrayOutputStream();
  private final ByteArrayOutputStream routed = new ByteArrayOutputStream();
  private final PrintStream stream = new RoutedPrintStream(
      new PrintStream(original, true, StandardCharsets.UTF_8), OutputRouting.Route::out);

  private PrintStream routedTarget() {
    return new PrintStream(routed, true, StandardCharsets.UTF_8);
  }

  @Test
  void print_withoutRoute_goesToTheOriginal() {
    stream.println("plain");

    assertThat(original.toString(StandardCharsets.UTF_8)).isEqualTo("plain\n");
  }

  @Test
  void print_insideRoute_goesToTheRouteAndNotTheOriginal() {
    OutputRouting.Route route = OutputRouting.to(routedTarget(), routedTarget());
    try {
      stream.print(42);
      stream.printf("%s%n", "x");
      stream.append('!');
    } finally {
      route.close();
    }
    stream.print("after");

    assertThat(routed.toString(StandardCharsets.UTF_8)).isEqualTo("42x\n!");
    assertThat(original.toString(StandardCharsets.UTF_8)).isEqualTo("after");
  }

  @Test
  void print_fromThreadStartedInsideRoute_goesToTheOriginalOnceTheRouteIsClosed()
      throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    OutputRouting.Route route = OutputRouting.to(routedTarget(), routedTarget());
    Thread child;
    try {
      child = new Thread(() -> {
        stream.print("during;");
        awaitQuietly(closed);
        stream.print("later");
      });
      child.start();
    } finally {
      route.close();
    }
    closed.countDown();
    child.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(child.isAlive()).isFalse();
    assertThat(original.toString(StandardCharsets.UTF_8)).endsWith("later");
    // "during;" went to the route, or to the original if the thread printed after close().
    assertThat(routed.toString(StandardCharsets.UTF_8) + original.toString(StandardCharsets.UTF_8))
        .contains("during;");
  }

  @Test
  void close_onRoutedTarget_onlyFlushesIt() {
    PrintStream target = routedTarget();
    OutputRouting.Route route = OutputRouting.to(target, target);
    try {
      stream.close();
      stream.print("still open");
    } finally {
      route.close();
    }

    assertThat(target.checkError()).isFalse();
    assertThat(routed.toString(StandardCharsets.UTF_8)).isEqualTo("still open");
  }

  @Test
  void print_routeToTheRoutedStreamItself_goesToItsOriginal() {
    OutputRouting.Route route = OutputRouting.to(stream, stream);
    try {
      stream.print("console on System.out");
    } finally {
      route.close();
    }

    assertThat(original.toString(StandardCharsets.UTF_8)).isEqualTo("console on System.out");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

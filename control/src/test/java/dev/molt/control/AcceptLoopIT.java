package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accept loop outlives what kills a connection's hand-over; the channel stays up. */
class AcceptLoopIT {
  @TempDir Path dir;

  /** Fails the first thread it is asked for, the way the pool meets a JVM out of native threads. */
  private static ThreadFactory failingOnce(Supplier<? extends Throwable> failure) {
    AtomicBoolean failed = new AtomicBoolean();
    return task -> {
      if (failed.compareAndSet(false, true)) {
        Throwable t = failure.get();
        if (t instanceof Error) {
          throw (Error) t;
        }
        throw (RuntimeException) t;
      }
      Thread thread = new Thread(task, "test-control-worker");
      thread.setDaemon(true);
      return thread;
    };
  }

  @Test
  void threadCreationFailsWithOutOfMemoryError_nextConnectionIsServed() throws Exception {
    ThreadFactory factory = failingOnce(() -> new OutOfMemoryError("unable to create native thread: possibly out of"
        + " memory or process/resource limits reached"));
    try (TestNode node = new TestNode(dir.resolve("ctl.sock"), b -> b.threadFactory(factory))) {
      assertThatThrownBy(() -> ControlClient.connect(node.server.socket(), TestNode.cookie(), Duration.ofSeconds(5)))
          .as("the connection whose thread could not be made is closed").isInstanceOf(ControlException.class);
      assertThat(node.awaitEvent(ControlEvent.Kind.ACCEPT_FAILED)).isTrue();
      assertThat(node.events).filteredOn(e -> e.kind() == ControlEvent.Kind.ACCEPT_FAILED).first()
          .satisfies(e -> assertThat(e.detail()).contains("unable to create native thread")
              .contains("the channel keeps listening"));
      try (ControlClient client = node.client()) {
        assertThat(client.call(Request.of("ping")).output()).isEqualTo("ping ");
      }
    }
  }

  @Test
  void handOverThrowsRuntimeException_nextConnectionIsServed() throws Exception {
    ThreadFactory factory = failingOnce(() -> new IllegalStateException("broken thread factory"));
    try (TestNode node = new TestNode(dir.resolve("ctl.sock"), b -> b.threadFactory(factory))) {
      assertThatThrownBy(() -> ControlClient.connect(node.server.socket(), TestNode.cookie(), Duration.ofSeconds(5)))
          .isInstanceOf(ControlException.class);
      try (ControlClient client = node.client()) {
        assertThat(client.call(Request.of("ping")).exitCode()).isZero();
      }
      assertThat(node.events).filteredOn(e -> e.kind() == ControlEvent.Kind.ACCEPT_FAILED).singleElement()
          .satisfies(e -> assertThat(e.detail()).contains("IllegalStateException: broken thread factory"));
    }
  }
}

package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventThrottleTest {
  private final List<ControlEvent> passed = new ArrayList<>();
  private final AtomicLong now = new AtomicLong();
  private final EventThrottle throttle = new EventThrottle(passed::add, Duration.ofSeconds(10), now::get);

  private static ControlEvent event(ControlEvent.Kind kind, long id) {
    return new ControlEvent(kind, id, "tls", Optional.of("/127.0.0.1:4000"), "detail " + id);
  }

  @Test
  void rejections_atMostOnePerKindAndWindow_nextOneCountsTheHeldBack() {
    throttle.accept(event(ControlEvent.Kind.REJECTED_BUSY, 1));
    throttle.accept(event(ControlEvent.Kind.REJECTED_BUSY, 2));
    throttle.accept(event(ControlEvent.Kind.REJECTED_BUSY, 3));
    throttle.accept(event(ControlEvent.Kind.AUTHENTICATION_FAILED, 4));
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    throttle.accept(event(ControlEvent.Kind.REJECTED_BUSY, 5));
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    throttle.accept(event(ControlEvent.Kind.REJECTED_BUSY, 6));

    assertThat(passed).extracting(ControlEvent::connectionId).containsExactly(1L, 4L, 6L);
    assertThat(passed.get(2).detail())
        .isEqualTo("detail 6 (3 more REJECTED_BUSY event(s) not logged since the last one)");
  }

  @Test
  void otherKinds_alwaysPass() {
    for (int i = 0; i < 3; i++) {
      throttle.accept(event(ControlEvent.Kind.CONNECTED, i));
      throttle.accept(event(ControlEvent.Kind.HANDLER_FAILED, i));
    }
    assertThat(passed).hasSize(6);
  }
}

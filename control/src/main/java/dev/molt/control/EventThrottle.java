package dev.molt.control;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Passes events to the server's listener, at most one of each rejection kind per window: a
 * stranger who opens connections in a loop must not fill the node's log. The next event of a
 * kind that gets through says how many like it were held back. Other kinds always pass.
 * Thread-safe.
 */
final class EventThrottle implements Consumer<ControlEvent> {
  static final Set<ControlEvent.Kind> THROTTLED = EnumSet.of(ControlEvent.Kind.AUTHENTICATION_FAILED,
      ControlEvent.Kind.HANDSHAKE_TIMEOUT, ControlEvent.Kind.PROTOCOL_ERROR, ControlEvent.Kind.REJECTED_BUSY,
      ControlEvent.Kind.ACCEPT_FAILED);
  private final Consumer<ControlEvent> listener;
  private final long windowNanos;
  private final LongSupplier clock;
  private final Map<ControlEvent.Kind, Long> lastPassed = new EnumMap<>(ControlEvent.Kind.class);
  private final Map<ControlEvent.Kind, Integer> held = new EnumMap<>(ControlEvent.Kind.class);

  EventThrottle(Consumer<ControlEvent> listener, Duration window, LongSupplier clock) {
    this.listener = listener;
    this.windowNanos = window.toNanos();
    this.clock = clock;
  }

  @Override
  public void accept(ControlEvent event) {
    if (THROTTLED.contains(event.kind())) {
      admit(event).ifPresent(listener);
      return;
    }
    listener.accept(event);
  }

  /** The event to pass (with the count of held-back ones), or empty to hold it back. */
  private synchronized Optional<ControlEvent> admit(ControlEvent event) {
    long now = clock.getAsLong();
    Long last = lastPassed.get(event.kind());
    if (last != null && now - last < windowNanos) {
      held.merge(event.kind(), 1, Integer::sum);
      return Optional.empty();
    }
    lastPassed.put(event.kind(), now);
    Integer count = held.remove(event.kind());
    if (count == null) {
      return Optional.of(event);
    }
    return Optional.of(new ControlEvent(event.kind(), event.connectionId(), event.transport(), event.peer(), event.detail()
        + " (" + count + " more " + event.kind() + " event(s) not logged since the last one)"));
  }
}

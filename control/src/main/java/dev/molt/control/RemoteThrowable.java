package dev.molt.control;

import java.util.Objects;
import java.util.Optional;

/**
 * One link of an exception's cause chain as it crossed the channel: the class name and message
 * (the classes themselves may not exist on the client). Immutable.
 */
public record RemoteThrowable(String className, Optional<String> message) {
  public RemoteThrowable {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(message, "message");
  }

  static RemoteThrowable of(Throwable t) {
    return new RemoteThrowable(t.getClass().getName(), Optional.ofNullable(t.getMessage()));
  }

  @Override
  public String toString() {
    return message.map(m -> className + ": " + m).orElse(className);
  }
}

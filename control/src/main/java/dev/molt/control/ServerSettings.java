package dev.molt.control;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What every connection worker of one server needs to know; built by {@link ControlServer.Builder}. */
record ServerSettings(
    byte[] cookie,
    RequestHandler handler,
    Optional<StreamHandler> streamHandler,
    int maxFrameBytes,
    Duration handshakeTimeout,
    Duration authFailureDelay,
    Supplier<ClassLoader> contextClassLoader,
    Consumer<ControlEvent> listener) {

  void emit(ControlEvent.Kind kind, long id, Connection connection, String detail) {
    emit(new ControlEvent(kind, id, connection.transport, connection.peer, detail));
  }

  void emit(ControlEvent.Kind kind, long id, String transport, String detail) {
    emit(new ControlEvent(kind, id, transport, Optional.empty(), detail));
  }

  private void emit(ControlEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      // A broken log listener must not take the control channel down with it.
    }
  }
}

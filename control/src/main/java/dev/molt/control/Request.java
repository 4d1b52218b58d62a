package dev.molt.control;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One command sent to the node: {@code rpc}, {@code eval}, {@code describe}, {@code stop}, {@code
 * ping}, {@code reload_config}, {@code remote_console}, or a custom command. Immutable and
 * thread-safe; no component is null.
 *
 * @param command the command name, not blank
 * @param args its arguments, copied
 * @param input optional text for the command (a script for {@code rpc --file}, stdin)
 */
public record Request(String command, List<String> args, Optional<String> input) {
  public Request {
    Objects.requireNonNull(command, "command");
    if (command.isBlank()) {
      throw new IllegalArgumentException("command must not be blank");
    }
    args = List.copyOf(args);
    Objects.requireNonNull(input, "input");
  }

  /** A request without input. */
  public static Request of(String command, String... args) {
    return new Request(command, List.of(args), Optional.empty());
  }

  /** This request with the given input text. */
  public Request withInput(String text) {
    return new Request(command, args, Optional.of(text));
  }
}

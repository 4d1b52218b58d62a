package dev.molt.kernel.node;

import java.util.ArrayList;
import java.util.List;

/** Renders exceptions thrown by app code as one-line descriptions. */
public final class Failures {
  private Failures() {}

  /** {@code <exception class>: <message>}, or just the class when there is no message. */
  public static String describe(Throwable error) {
    String message = error.getMessage();
    return message == null || message.isEmpty()
        ? error.getClass().getName()
        : error.getClass().getName() + ": " + message;
  }

  /** The causes of {@code error}, outermost first, without {@code error} itself. */
  public static List<String> causes(Throwable error) {
    List<String> lines = new ArrayList<>();
    Throwable cause = error.getCause();
    for (int depth = 0; cause != null && cause != error && depth < 20; depth++) {
      lines.add(describe(cause));
      cause = cause.getCause();
    }
    return lines;
  }
}

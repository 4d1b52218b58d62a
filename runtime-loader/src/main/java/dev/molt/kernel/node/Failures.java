package dev.molt.kernel.node;

import java.io.PrintStream;
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

  /**
   * Prints {@code molt: <what><exception class>: <message>} and one {@code molt:   caused by: …}
   * line per cause on {@code err}.
   */
  public static void report(PrintStream err, String what, Throwable error) {
    err.println("molt: " + what + describe(error));
    causes(error).forEach(c -> err.println("molt:   caused by: " + c));
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

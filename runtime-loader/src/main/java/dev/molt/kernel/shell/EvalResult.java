package dev.molt.kernel.shell;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What evaluating some Java source gave: its value, what it printed, and why it failed if it did.
 * Evaluation stops at the first snippet that does not compile or throws; the output printed up to
 * that point is kept.
 *
 * @param value the value of the last snippet, rendered as jshell shows it ({@code 42}, {@code
 *     "text"} with quotes, {@code null}, {@code [a, b]}); empty when the last snippet is a
 *     statement, a declaration without a value (method, class, import) or failed
 * @param output what the snippets printed on {@code System.out}
 * @param errorOutput what the snippets printed on {@code System.err}
 * @param diagnostics the compiler's errors for the snippet that did not compile; empty otherwise
 * @param exception the exception a snippet threw, as thrown (the original object, with its cause
 *     chain and stack trace); empty otherwise
 */
public record EvalResult(
    Optional<String> value,
    String output,
    String errorOutput,
    List<ShellDiagnostic> diagnostics,
    Optional<Throwable> exception) {

  private static final int MAX_FRAMES = 20;

  public EvalResult {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(errorOutput, "errorOutput");
    diagnostics = List.copyOf(diagnostics);
    Objects.requireNonNull(exception, "exception");
  }

  /** True when every snippet compiled and none threw. */
  public boolean succeeded() {
    return diagnostics.isEmpty() && exception.isEmpty();
  }

  /**
   * The failure as text for a user, lines ending with {@code \n}: each diagnostic rendered (see
   * {@link ShellDiagnostic#render()}), or {@code exception <class>: <message>}, the stack frames
   * below the snippet, and one {@code caused by: <class>: <message>} line per cause. Empty when the
   * evaluation succeeded.
   */
  public String failureReport() {
    StringBuilder text = new StringBuilder();
    diagnostics.forEach(d -> text.append(d.render()));
    exception.ifPresent(e -> text.append(describe(e)));
    return text.toString();
  }

  /** Describes a throwable from a snippet: header, the frames under the snippet, the causes. */
  static String describe(Throwable thrown) {
    StringBuilder text = new StringBuilder("exception ").append(thrown).append('\n');
    int shown = 0;
    for (StackTraceElement frame : thrown.getStackTrace()) {
      // Snippet wrappers live in the REPL package; what lies below them is the JDK's reflection.
      if (frame.getClassName().startsWith("REPL.") || shown == MAX_FRAMES) {
        break;
      }
      text.append("  at ").append(frame).append('\n');
      shown++;
    }
    Throwable cause = thrown.getCause();
    for (int depth = 0; cause != null && cause != thrown && depth < 20; depth++) {
      text.append("caused by: ").append(cause).append('\n');
      cause = cause.getCause();
    }
    return text.toString();
  }
}

package dev.molt.kernel.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Evaluates one complete snippet and turns JShell's events into an {@link Outcome}: its value, the
 * compiler's errors placed in the text the user typed, or the exception it threw.
 */
final class SnippetRunner {
  private final JShell jshell;
  private final CallingThreadControl control;
  private final ClassLoader contextLoader;

  SnippetRunner(JShell jshell, CallingThreadControl control, ClassLoader contextLoader) {
    this.jshell = jshell;
    this.control = control;
    this.contextLoader = contextLoader;
  }

  /**
   * Runs {@code snippet}, which starts at {@code offset} in {@code text} (the whole input), on
   * this thread with the shell's context class loader.
   */
  Outcome run(String snippet, String text, int offset) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(contextLoader);
    List<SnippetEvent> events;
    try {
      control.takeThrown();
      events = jshell.eval(snippet);
    } finally {
      thread.setContextClassLoader(previous);
    }
    Optional<SnippetEvent> primary =
        events.stream().filter(e -> e.causeSnippet() == null).findFirst();
    if (primary.isEmpty()) {
      return Outcome.nothing();
    }
    SnippetEvent event = primary.get();
    if (event.status() == Snippet.Status.REJECTED) {
      return Outcome.rejected(event, diagnostics(event.snippet(), text, offset));
    }
    JShellException thrown = event.exception();
    if (thrown instanceof UnresolvedReferenceException) {
      String message = unresolved((UnresolvedReferenceException) thrown);
      return Outcome.rejected(event, List.of(at(message, text, offset + blanks(snippet))));
    }
    if (thrown != null) {
      // Our control keeps the original; EvalException only carries its class name and message.
      Throwable original = control.takeThrown().orElse(thrown);
      return Outcome.threw(event, original);
    }
    // Statements report "" as their value; only expressions and variables have one.
    boolean valued = event.snippet() instanceof VarSnippet
        || event.snippet() instanceof ExpressionSnippet;
    return Outcome.ran(event, valued ? Optional.ofNullable(event.value()) : Optional.empty());
  }

  private String unresolved(UnresolvedReferenceException e) {
    String missing =
        jshell.unresolvedDependencies(e.getSnippet()).collect(Collectors.joining(", "));
    return describe(e.getSnippet()) + " cannot be used until "
        + (missing.isEmpty() ? "its dependencies are" : missing + " is") + " declared";
  }

  /** Names a declaration as jshell does: {@code method twice(int)}, {@code class Pair}. */
  static String describe(DeclarationSnippet snippet) {
    if (snippet instanceof MethodSnippet) {
      return "method " + snippet.name() + "(" + ((MethodSnippet) snippet).parameterTypes() + ")";
    }
    if (snippet instanceof VarSnippet) {
      return "variable " + snippet.name();
    }
    // CLASS_SUBKIND -> "class", ANNOTATION_TYPE_SUBKIND -> "annotation type", RECORD_SUBKIND, ...
    String kind = snippet.subKind().name().replace("_SUBKIND", "").replace('_', ' ');
    return kind.toLowerCase(Locale.ROOT) + " " + snippet.name();
  }

  private List<ShellDiagnostic> diagnostics(Snippet snippet, String text, int offset) {
    String source = snippet.source();
    List<ShellDiagnostic> result = new ArrayList<>();
    jshell.diagnostics(snippet).filter(Diag::isError).forEach(d -> {
      long position = d.getPosition() >= 0 ? d.getPosition() : 0;
      result.add(at(withoutWrapper(d.getMessage(Locale.ROOT)), text, offset + (int) position));
    });
    if (result.isEmpty()) {
      result.add(at("the snippet was rejected by the compiler", text, offset + blanks(source)));
    }
    return result;
  }

  /** How many blanks (spaces, line breaks) {@code snippet} starts with. */
  private static int blanks(String snippet) {
    int count = 0;
    while (count < snippet.length() && Character.isWhitespace(snippet.charAt(count))) {
      count++;
    }
    return count;
  }

  /**
   * Drops javac's {@code location: class} line when it names jshell's wrapper class (an empty
   * name): it says nothing to the user.
   */
  static String withoutWrapper(String message) {
    return message.lines()
        .filter(line -> !line.strip().equals("location: class"))
        .collect(Collectors.joining("\n"));
  }

  /** A diagnostic at {@code index} of {@code text}, with its 1-based line and column. */
  static ShellDiagnostic at(String message, String text, int index) {
    int clamped = Math.max(0, Math.min(index, text.length()));
    int lineStart = text.lastIndexOf('\n', clamped - 1) + 1;
    int lineEnd = text.indexOf('\n', clamped);
    String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
    int lineNumber = (int) text.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
    return new ShellDiagnostic(message, lineNumber, clamped - lineStart + 1, line.stripTrailing());
  }

  /**
   * What one snippet did. {@code event} is empty when the source held nothing to run (a lone
   * semicolon); {@code exception} holds the original throwable, or jshell's {@link EvalException}
   * when the original was not seen.
   */
  record Outcome(Optional<SnippetEvent> event, Optional<String> value,
      List<ShellDiagnostic> diagnostics, Optional<Throwable> exception) {
    static Outcome nothing() {
      return new Outcome(Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    static Outcome rejected(SnippetEvent event, List<ShellDiagnostic> diagnostics) {
      return new Outcome(Optional.of(event), Optional.empty(), diagnostics, Optional.empty());
    }

    static Outcome threw(SnippetEvent event, Throwable thrown) {
      return new Outcome(Optional.of(event), Optional.empty(), List.of(), Optional.of(thrown));
    }

    static Outcome ran(SnippetEvent event, Optional<String> value) {
      return new Outcome(Optional.of(event), value, List.of(), Optional.empty());
    }

    boolean failed() {
      return !diagnostics.isEmpty() || exception.isPresent();
    }
  }
}

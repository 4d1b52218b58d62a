package dev.molt.kernel.shell;

import java.io.PrintStream;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/** Prints what a snippet did the way jshell does: {@code $1 ==> 42}, {@code |  created ...}. */
final class EventPrinter {
  private final JShell jshell;
  private final PrintStream out;
  private final PrintStream err;

  EventPrinter(JShell jshell, PrintStream out, PrintStream err) {
    this.jshell = jshell;
    this.out = out;
    this.err = err;
  }

  void print(SnippetRunner.Outcome outcome) {
    outcome.diagnostics().forEach(d -> printBarred(err, d.render()));
    outcome.exception().ifPresent(e -> printBarred(err, EvalResult.describe(e)));
    if (outcome.failed() || outcome.event().isEmpty()) {
      return;
    }
    SnippetEvent event = outcome.event().get();
    Snippet snippet = event.snippet();
    if (snippet instanceof VarSnippet || snippet instanceof ExpressionSnippet) {
      outcome.value().ifPresent(v -> out.println(name(snippet) + " ==> " + v));
    } else if (snippet instanceof MethodSnippet || snippet instanceof TypeDeclSnippet) {
      String verb = event.previousStatus() == Snippet.Status.NONEXISTENT ? "created" : "modified";
      out.println("|  " + verb + " " + SnippetRunner.describe((DeclarationSnippet) snippet)
          + unresolvedNote((DeclarationSnippet) snippet));
    }
    out.flush();
  }

  private static String name(Snippet snippet) {
    return snippet instanceof VarSnippet
        ? ((VarSnippet) snippet).name()
        : ((ExpressionSnippet) snippet).name();
  }

  private String unresolvedNote(DeclarationSnippet snippet) {
    String missing = jshell.unresolvedDependencies(snippet).collect(Collectors.joining(", "));
    return missing.isEmpty() ? "" : ", however, it cannot be used until " + missing
        + " is declared";
  }

  /** Prints text with jshell's bar in front of every line. */
  static void printBarred(PrintStream stream, String text) {
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        stream.println("|  " + line);
      }
    }
    stream.flush();
  }
}

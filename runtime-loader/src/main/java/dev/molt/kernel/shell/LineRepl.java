package dev.molt.kernel.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * A line-by-line console on a JShell: reads lines (a pipe is fine, no terminal needed), waits with
 * a continuation prompt while the input is incomplete, runs each complete snippet and prints its
 * value ({@code $1 ==> 42}) or its errors. Ends on {@code /exit} or end of input, and then only
 * returns: it never exits the JVM or stops anything.
 */
final class LineRepl {
  static final String CONTINUATION_PROMPT = "   ...> ";

  private final JShell jshell;
  private final SnippetRunner runner;
  private final String prompt;
  private final PrintStream out;
  private final PrintStream err;
  private final ReplCommands commands;
  private final EventPrinter printer;

  LineRepl(JShell jshell, SnippetRunner runner, String name, Set<String> startupIds,
      PrintStream out, PrintStream err) {
    this.jshell = jshell;
    this.runner = runner;
    this.prompt = name + "> ";
    this.out = out;
    this.err = err;
    this.commands = new ReplCommands(jshell, startupIds, out, err);
    this.printer = new EventPrinter(jshell, out, err);
  }

  void run(InputStream in, String banner) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    if (!banner.isEmpty()) {
      out.println(banner);
    }
    StringBuilder pending = new StringBuilder();
    while (true) {
      out.print(pending.length() == 0 ? prompt : CONTINUATION_PROMPT);
      out.flush();
      String line = reader.readLine();
      if (line == null) {
        if (!pending.toString().isBlank()) {
          runAll(pending.toString(), true);
        }
        out.println();
        return;
      }
      if (pending.length() == 0 && line.strip().startsWith("/")) {
        if (!commands.run(line.strip())) {
          return;
        }
        continue;
      }
      pending.append(line).append('\n');
      String left = runAll(pending.toString(), false);
      pending.setLength(0);
      pending.append(left);
    }
  }

  /**
   * Runs every complete snippet at the head of {@code input} and returns the incomplete rest. At
   * the end of the input ({@code last}), an incomplete rest is run too, so that it is reported.
   */
  private String runAll(String input, boolean last) {
    String rest = input;
    while (!rest.isBlank()) {
      CompletionInfo info = jshell.sourceCodeAnalysis().analyzeCompletion(rest);
      Completeness completeness = info.completeness();
      if (completeness == Completeness.EMPTY) {
        return "";
      }
      if (!completeness.isComplete() && !last) {
        return rest;
      }
      String snippet = completeness.isComplete() ? info.source() : rest;
      int start = JShellEngine.startOf(rest, snippet);
      OutputRouting.Route route = OutputRouting.to(out, err);
      try {
        printer.print(runner.run(snippet, rest, start));
      } finally {
        route.close();
      }
      rest = completeness.isComplete() ? info.remaining() : "";
    }
    return "";
  }
}

package dev.molt.kernel.shell;

import java.io.PrintStream;
import java.util.Set;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/** The console's slash commands; each prints to the console's streams. */
final class ReplCommands {
  static final String HELP = String.join("\n",
      "|  Type Java expressions, statements or declarations; a value is shown as $1 ==> value.",
      "|  Input that is not complete yet continues on the next line (prompt ...>).",
      "|  /vars     the variables declared in this session, with their values",
      "|  /imports  the imports in effect",
      "|  /list     the snippets entered in this session",
      "|  /help     this text",
      "|  /exit     leave the console (the node keeps running); end of input does the same");

  private final JShell jshell;
  private final Set<String> startupIds;
  private final PrintStream out;
  private final PrintStream err;

  ReplCommands(JShell jshell, Set<String> startupIds, PrintStream out, PrintStream err) {
    this.jshell = jshell;
    this.startupIds = startupIds;
    this.out = out;
    this.err = err;
  }

  /** Runs a command line such as {@code /vars}; returns false when the console should end. */
  boolean run(String line) {
    String command = line.split("\\s+", 2)[0];
    switch (command) {
      case "/exit":
        return false;
      case "/help":
      case "/?":
        out.println(HELP);
        break;
      case "/vars":
        jshell.variables().forEach(this::printVar);
        break;
      case "/imports":
        jshell.imports().forEach(i ->
            out.println("|    import " + (i.isStatic() ? "static " : "") + i.fullname()));
        break;
      case "/list":
        jshell.snippets()
            .filter(s -> !startupIds.contains(s.id()) && jshell.status(s).isActive())
            .forEach(this::printSnippet);
        break;
      default:
        err.println("|  unknown command " + command + "; type /help for the commands");
    }
    out.flush();
    return true;
  }

  private void printVar(VarSnippet var) {
    String value;
    try {
      value = jshell.varValue(var);
    } catch (IllegalArgumentException | IllegalStateException e) {
      value = "(not set: " + e.getMessage() + ")";
    }
    out.println("|    " + var.typeName() + " " + var.name() + " = " + value);
  }

  private void printSnippet(Snippet snippet) {
    String source = snippet.source().strip().replace("\n", "\n       ");
    out.println(String.format("%4s : %s", snippet.id(), source));
  }
}

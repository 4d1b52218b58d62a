package dev.molt.kernel.shell;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * The shell on JShell: snippets compiled against the given jars, defined in a loader below the
 * given parent, run on the calling thread. Loaded only once {@link JavaShell#available()} said
 * that {@code jdk.jshell} exists.
 */
final class JShellEngine implements ShellEngine {
  static final List<String> DEFAULT_IMPORTS =
      List.of("java.util.*", "java.util.stream.*", "java.nio.file.*", "dev.molt.api.*");

  private final String name;
  private final JShell jshell;
  private final SnippetRunner runner;
  private final Set<String> startupIds = new HashSet<>();
  private boolean closed;

  private JShellEngine(String name, JShell jshell, SnippetRunner runner) {
    this.name = name;
    this.jshell = jshell;
    this.runner = runner;
  }

  static JShellEngine start(String name, ClassLoader parent, List<Path> classPath) {
    CallingThreadControl control = new CallingThreadControl(new SnippetLoaderDelegate(parent));
    String path =
        classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    SnippetIds ids = new SnippetIds();
    // --class-path replaces the compiler's default, the kernel's own class path: snippets must
    // not compile against kernel classes (or Jackson) that the apps' loaders cannot see.
    JShell jshell = JShell.builder()
        .executionEngine(new CallingThreadControl.Provider(control), Map.of())
        .idGenerator(ids::next)
        .compilerOptions("--class-path", path)
        .build();
    JShellEngine engine =
        new JShellEngine(name, jshell, new SnippetRunner(jshell, control, parent));
    try {
      engine.importDefaults();
      ids.startupDone();
    } catch (RuntimeException | Error e) {
      engine.close();
      throw e;
    }
    return engine;
  }

  /** Imports the defaults; one whose package is not on the class path is left out. */
  private void importDefaults() {
    for (String pkg : DEFAULT_IMPORTS) {
      String source = "import " + pkg + ";";
      SnippetRunner.Outcome outcome = runner.run(source, source, 0);
      outcome.event().ifPresent(e -> {
        if (outcome.failed()) {
          jshell.drop(e.snippet());
        } else {
          startupIds.add(e.snippet().id());
        }
      });
    }
  }

  @Override
  public synchronized EvalResult evaluate(String source) {
    ensureOpen();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    SnippetRunner.Outcome last = SnippetRunner.Outcome.nothing();
    OutputRouting.Route route = OutputRouting.to(outStream, errStream);
    try {
      int consumed = 0;
      while (consumed < source.length() && !last.failed()) {
        String rest = source.substring(consumed);
        CompletionInfo info = jshell.sourceCodeAnalysis().analyzeCompletion(rest);
        Completeness completeness = info.completeness();
        if (completeness == Completeness.EMPTY) {
          break;
        }
        if (completeness == Completeness.DEFINITELY_INCOMPLETE) {
          last = incomplete(source, consumed + startOf(rest, rest));
          break;
        }
        // A considered-incomplete snippet (such as "if (x)") is run as it is: the input has ended.
        boolean complete = completeness.isComplete();
        String snippet = complete ? info.source() : rest;
        int used = complete ? rest.length() - info.remaining().length() : rest.length();
        last = runner.run(snippet, source, consumed + startOf(rest, snippet));
        consumed += Math.max(used, 1);
      }
    } finally {
      route.close();
    }
    return new EvalResult(last.value(), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8), last.diagnostics(), last.exception());
  }

  private static SnippetRunner.Outcome incomplete(String source, int start) {
    ShellDiagnostic diagnostic = SnippetRunner.at("the input ends before this snippet is complete;"
        + " check for a missing ')', '}' or ';', or an unclosed string or comment", source, start);
    return new SnippetRunner.Outcome(
        Optional.empty(), Optional.empty(), List.of(diagnostic), Optional.empty());
  }

  /**
   * Where {@code snippet} (jshell's text, which keeps leading blanks and may gain a ';') begins
   * inside {@code rest}, so that positions in it can be placed in the user's input.
   */
  static int startOf(String rest, String snippet) {
    String head = snippet.strip();
    head = head.substring(0, Math.min(head.length(), 12));
    int inRest = head.isEmpty() ? -1 : rest.indexOf(head);
    return inRest < 0 ? 0 : Math.max(0, inRest - snippet.indexOf(head));
  }

  @Override
  public synchronized void interactive(
      InputStream in, PrintStream out, PrintStream err, String banner) throws IOException {
    ensureOpen();
    new LineRepl(jshell, runner, name, startupIds, out, err).run(in, banner);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the Java shell " + name + " is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      jshell.close();
    }
  }
}

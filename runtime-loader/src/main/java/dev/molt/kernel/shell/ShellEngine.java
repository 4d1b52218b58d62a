package dev.molt.kernel.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * What {@link JavaShell} needs from a shell implementation. It names no {@code jdk.jshell} type, so
 * that {@code JavaShell} can be loaded (and say what is missing) on a runtime without that module.
 */
interface ShellEngine extends AutoCloseable {
  EvalResult evaluate(String source);

  void interactive(InputStream in, PrintStream out, PrintStream err, String banner)
      throws IOException;

  @Override
  void close();
}

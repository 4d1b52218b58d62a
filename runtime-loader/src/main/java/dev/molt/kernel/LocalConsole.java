package dev.molt.kernel;

import dev.molt.kernel.node.Node;
import java.io.PrintStream;

/** {@code console}: the Java shell on this process's stdin/stdout, over a running node. */
final class LocalConsole {
  private LocalConsole() {}

  static void run(Node node, PrintStream err) {
    err.println("molt: the Java shell is not available yet for " + node.descriptor().name());
  }
}

package dev.molt.kernel.spi;

import dev.molt.control.RequestHandler;
import dev.molt.kernel.node.Node;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the kernel gives a {@link NodeExtension}: the running node, the JVM's Instrumentation, a
 * way to add control-channel commands and lines of {@code describe}. Thread-safe; no method returns null.
 */
public interface NodeHandle {
  /** The node: its release, its apps and their loaders. */
  Node node();

  /** The release root. */
  Path root();

  /** The Instrumentation of {@code -javaagent}; empty when the JVM was started without it. */
  Optional<Instrumentation> instrumentation();

  /** The node's environment, as the kernel resolves {@code ${VAR}} against it. */
  Map<String, String> environment();

  /** The node's log (stderr of the JVM, {@code var/log/<name>.log} under {@code start}). */
  PrintStream log();

  /**
   * Adds a control-channel command, listed by {@code help} of the node's unknown-command answer.
   *
   * @throws IllegalArgumentException when the kernel or another extension already has it
   */
  void command(String name, RequestHandler handler);

  /** Adds lines to the live {@code describe} output, after the kernel's, in registration order. */
  void describe(DescribeSection section);
}

package dev.molt.kernel;

import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * The java agent half of the kernel jar ({@code Premain-Class}). {@code bin/<name>} starts the
 * node with {@code -javaagent:<kernel jar>}, so the JVM hands the kernel its
 * {@link Instrumentation} before {@link Main} runs; later upgrades redefine classes with it. No
 * dynamic self-attach: JDK 21+ warns about it and may forbid it.
 */
public final class Agent {
  private static volatile Instrumentation instrumentation;

  private Agent() {}

  /** Called by the JVM before {@code main}; keeps the Instrumentation. Prints nothing. */
  public static void premain(String args, Instrumentation inst) {
    instrumentation = inst;
  }

  /**
   * The Instrumentation the JVM gave the agent; empty when the kernel runs without
   * {@code -javaagent} (then classes cannot be redefined in place). Thread-safe.
   */
  public static Optional<Instrumentation> instrumentation() {
    return Optional.ofNullable(instrumentation);
  }
}

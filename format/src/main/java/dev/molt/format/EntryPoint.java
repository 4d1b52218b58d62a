package dev.molt.format;

import java.util.List;
import java.util.Objects;

/**
 * How the node starts an application: a class implementing {@code dev.molt.api.Application}, or a
 * plain class with {@code public static void main(String[])}.
 *
 * @param args the arguments passed to {@code main} ({@code ${VAR}} resolved at boot, as in
 *     config.json); always empty for an {@code application}
 */
public record EntryPoint(Kind kind, String className, List<String> args) {
  /** The two kinds of entry point. */
  public enum Kind {
    APPLICATION,
    MAIN
  }

  public EntryPoint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(className, "className");
    args = List.copyOf(args);
    if (kind == Kind.APPLICATION && !args.isEmpty()) {
      throw new IllegalArgumentException("entry " + className + " is an application: it takes its"
          + " settings from config.json, not arguments; drop args");
    }
    if (!className.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
      throw new IllegalArgumentException("not a Java class name: '" + className + "'");
    }
  }

  /** An entry point without arguments. */
  public EntryPoint(Kind kind, String className) {
    this(kind, className, List.of());
  }
}

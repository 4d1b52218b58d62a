package dev.molt.format;

import java.util.Objects;

/**
 * How the node starts an application: a class implementing {@code dev.molt.api.Application}, or a
 * plain class with {@code public static void main(String[])}.
 */
public record EntryPoint(Kind kind, String className) {
  /** The two kinds of entry point. */
  public enum Kind {
    APPLICATION,
    MAIN
  }

  public EntryPoint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(className, "className");
    if (!className.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
      throw new IllegalArgumentException("not a Java class name: '" + className + "'");
    }
  }
}

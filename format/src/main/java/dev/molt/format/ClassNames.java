package dev.molt.format;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks binary class names as they appear in appups and relups. */
final class ClassNames {
  private static final Pattern BINARY_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  private ClassNames() {}

  static void require(String name, String what) {
    if (name == null || !BINARY_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + ": not a Java class name: '" + name + "'");
    }
  }

  static List<String> requireAll(List<String> names, String what) {
    List<String> copy = List.copyOf(names);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(what + " names no classes");
    }
    Set<String> seen = new HashSet<>();
    for (String n : copy) {
      require(n, what);
      if (!seen.add(n)) {
        throw new IllegalArgumentException(what + " names " + n + " twice");
      }
    }
    return copy;
  }
}

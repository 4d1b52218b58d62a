package dev.molt.upgrade.step;

import java.util.List;
import java.util.stream.Collectors;

/** Short class names for one-line reports. */
final class Names {
  private Names() {}

  static String simple(List<String> classes) {
    return classes.stream().map(c -> c.substring(c.lastIndexOf('.') + 1))
        .collect(Collectors.joining(", "));
  }
}

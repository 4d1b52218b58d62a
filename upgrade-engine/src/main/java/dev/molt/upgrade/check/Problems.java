package dev.molt.upgrade.check;

import java.util.ArrayList;
import java.util.List;

/** The problems a check found, in the order found; every one is reported, not just the first. */
final class Problems {
  private final List<String> list = new ArrayList<>();

  void add(String problem) {
    list.add(problem);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<String> list() {
    return List.copyOf(list);
  }
}

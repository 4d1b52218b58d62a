package dev.molt.release;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The dependency graph of the apps of a request: cycle detection and install order. An
 * application's class path counts as edges too: its libraries are installed before it.
 */
final class AppGraph {
  private final Map<String, AppInput> apps = new TreeMap<>();

  AppGraph(List<AppInput> inputs) {
    inputs.forEach(a -> apps.put(a.name(), a));
  }

  /** A cycle as a path that ends where it starts (a -> b -> a); empty when there is none. */
  List<String> findCycle() {
    Set<String> done = new HashSet<>();
    for (String name : apps.keySet()) {
      List<String> path = new ArrayList<>();
      if (visit(name, done, path)) {
        return path;
      }
    }
    return List.of();
  }

  private boolean visit(String node, Set<String> done, List<String> path) {
    int at = path.indexOf(node);
    if (at >= 0) {
      path.add(node);
      path.subList(0, at).clear();
      return true;
    }
    if (done.contains(node) || !apps.containsKey(node)) {
      return false;
    }
    path.add(node);
    for (String dep : edges(apps.get(node))) {
      if (visit(dep, done, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
    return false;
  }

  private static List<String> edges(AppInput app) {
    List<String> edges = new ArrayList<>(app.dependsOn());
    edges.addAll(app.classPath());
    return edges;
  }

  /**
   * The apps in install order: every app after the apps it depends on, ties broken by name so the
   * order (and thus release.json) does not depend on the order of the request. Needs no cycle.
   */
  List<AppInput> installOrder() {
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    for (AppInput a : apps.values()) {
      Set<String> edges = new HashSet<>(edges(a));
      edges.retainAll(apps.keySet());
      waiting.put(a.name(), edges.size());
      for (String dep : edges) {
        dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(a.name());
      }
    }
    java.util.TreeSet<String> ready = new java.util.TreeSet<>();
    waiting.forEach((name, n) -> {
      if (n == 0) {
        ready.add(name);
      }
    });
    List<AppInput> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String next = ready.pollFirst();
      order.add(apps.get(next));
      for (String d : dependents.getOrDefault(next, List.of())) {
        if (waiting.merge(d, -1, Integer::sum) == 0) {
          ready.add(d);
        }
      }
    }
    return order;
  }
}

package dev.molt.appup.plan;

import dev.molt.appup.diff.AppDiff;
import dev.molt.format.AppSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Changes outside classes that only a new loader can take: wiring, entry point, resources. */
final class AppLevelChecks {
  private AppLevelChecks() {}

  static List<String> reasons(AppSpec from, AppSpec to, AppDiff diff) {
    List<String> reasons = new ArrayList<>();
    if (!new TreeSet<>(from.dependsOn()).equals(new TreeSet<>(to.dependsOn()))) {
      reasons.add("dependencies changed from " + new TreeSet<>(from.dependsOn()) + " to "
          + new TreeSet<>(to.dependsOn()) + " (a loader's wiring is fixed)");
    }
    if (!from.entry().equals(to.entry())) {
      reasons.add("entry point changed from " + from.entry().map(e -> e.className()).orElse("(none)")
          + " to " + to.entry().map(e -> e.className()).orElse("(none)"));
    }
    if (!diff.changedResources().isEmpty()) {
      reasons.add("resources changed (" + String.join(", ", diff.changedResources())
          + "); only a new loader serves new resources");
    }
    return reasons;
  }
}

package dev.molt.appup.plan;

import dev.molt.appup.diff.AppDiff;
import dev.molt.format.AppSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Changes outside classes that only a new loader can take: wiring (an application's dependencies
 * and class path; a library has no loader, so its own edges do not count), entry point,
 * resources.
 */
final class AppLevelChecks {
  private AppLevelChecks() {}

  static List<String> reasons(AppSpec from, AppSpec to, AppDiff diff) {
    List<String> reasons = new ArrayList<>();
    if (!to.isLibrary() && !from.classPath().equals(to.classPath())) {
      reasons.add("class path changed from " + from.classPath() + " to " + to.classPath()
          + " (a loader's class path is fixed)");
    }
    if (!to.isLibrary() && !new TreeSet<>(from.dependsOn()).equals(new TreeSet<>(to.dependsOn()))) {
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

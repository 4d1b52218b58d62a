package dev.molt.appup.plan;

import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.RuntimeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Node-wide changes that no in-process step can apply: the kernel and the Java runtime. */
final class NodeChecks {
  private NodeChecks() {}

  static Optional<String> restartJvmReason(ReleaseDescriptor f, ReleaseDescriptor t) {
    List<String> reasons = new ArrayList<>();
    if (!f.kernel().version().equals(t.kernel().version())) {
      reasons.add("kernel " + f.kernel().version() + " -> " + t.kernel().version());
    } else if (!f.kernel().jars().equals(t.kernel().jars())) {
      reasons.add("kernel jars of " + t.kernel().version() + " changed");
    }
    RuntimeSpec a = f.runtime();
    RuntimeSpec b = t.runtime();
    if (a.embedded() != b.embedded() || !a.javaVersion().equals(b.javaVersion())
        || !a.modules().equals(b.modules())) {
      reasons.add("runtime " + describe(a) + " -> " + describe(b));
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
  }

  /** An override may ask for a JVM restart for its app; that makes the whole plan one. */
  static Optional<String> askedByOverride(List<AppPlan> plans) {
    return plans.stream()
        .filter(p -> p.up().stream().anyMatch(i -> i instanceof dev.molt.format.Instruction.RestartJvm))
        .map(p -> "the appup of " + p.app() + " asks for restart_jvm").findFirst();
  }

  private static String describe(RuntimeSpec r) {
    return r.embedded() ? "embedded Java " + r.javaVersion() + " " + r.modules() : "system Java";
  }
}

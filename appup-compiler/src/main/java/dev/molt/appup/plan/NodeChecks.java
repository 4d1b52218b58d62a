package dev.molt.appup.plan;

import dev.molt.format.EntryPoint;
import dev.molt.format.Instruction;
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

  /**
   * An application started by {@code main} knows nothing of Molt: nothing can stop it inside the
   * JVM, so any step that would (restart or remove it) makes the whole plan a {@code restart_jvm}.
   * Its body-only changes stay {@code redefine}s, and adding one only starts it.
   */
  static Optional<String> plainAppStopped(ReleaseDescriptor f, ReleaseDescriptor t,
      List<AppPlan> plans) {
    for (AppPlan p : plans) {
      boolean stops = p.up().stream().anyMatch(i -> i instanceof Instruction.RestartApplication
          || i instanceof Instruction.RemoveApplication);
      if (stops && (startsByMain(f, p.app()) || startsByMain(t, p.app()))) {
        String why = p.notes().stream().map(Note::message).findFirst().orElse("it restarts");
        return Optional.of("app " + p.app() + " is started by main, which cannot be stopped inside"
            + " the JVM, and it must restart (" + why + ")");
      }
    }
    return Optional.empty();
  }

  private static boolean startsByMain(ReleaseDescriptor d, String app) {
    return d.app(app).flatMap(a -> a.entry()).map(e -> e.kind() == EntryPoint.Kind.MAIN)
        .orElse(false);
  }

  /** An override may ask for a JVM restart for its app; that makes the whole plan one. */
  static Optional<String> askedByOverride(List<AppPlan> plans) {
    return plans.stream()
        .filter(p -> p.up().stream().anyMatch(i -> i instanceof Instruction.RestartJvm))
        .map(p -> "the appup of " + p.app() + " asks for restart_jvm").findFirst();
  }

  private static String describe(RuntimeSpec r) {
    return r.embedded() ? "embedded Java " + r.javaVersion() + " " + r.modules() : "system Java";
  }
}

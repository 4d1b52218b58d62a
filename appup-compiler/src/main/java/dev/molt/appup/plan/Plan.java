package dev.molt.appup.plan;

import dev.molt.format.Instruction;
import dev.molt.format.Relup;
import dev.molt.format.RelupPlan;
import dev.molt.format.RelupStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The compiled upgrade plan of a release: one {@link UpgradePath} per earlier version. Immutable
 * and thread-safe.
 */
public record Plan(String release, String toVersion, List<UpgradePath> paths) {
  public Plan {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(toVersion, "toVersion");
    paths = List.copyOf(paths);
  }

  /** The path from {@code fromVersion}, if the plan has one. */
  public Optional<UpgradePath> from(String fromVersion) {
    return paths.stream().filter(p -> p.fromVersion().equals(fromVersion)).findFirst();
  }

  /** The relup of the new release: up from and down to every earlier version. */
  public Relup relup() {
    List<RelupPlan> up = paths.stream().map(UpgradePath::up).toList();
    List<RelupPlan> down = paths.stream().map(UpgradePath::down).toList();
    return new Relup(release, toVersion, up, down);
  }

  /**
   * The steps, up or down, that fail {@code gate}, as lines like
   * {@code "0.1.0 -> 0.3.0: restart_application book_app"}; empty when the plan passes.
   */
  public List<String> violations(Gate gate) {
    List<String> out = new ArrayList<>();
    for (UpgradePath p : paths) {
      collect(out, p.fromVersion() + " -> " + toVersion, p.up(), gate);
      collect(out, toVersion + " -> " + p.fromVersion(), p.down(), gate);
    }
    return out;
  }

  private static void collect(List<String> out, String label, RelupPlan plan, Gate gate) {
    for (RelupStep s : plan.steps()) {
      if (rank(s.instruction()) > gate.ordinal()) {
        out.add(label + ": " + s.instruction().op() + s.app().map(a -> " " + a).orElse(""));
      }
    }
  }

  /** 0 = in place, 1 = update / add / remove, 2 = restart_application, 3 = restart_jvm. */
  private static int rank(Instruction i) {
    if (i instanceof Instruction.RestartJvm) {
      return 3;
    }
    if (i instanceof Instruction.RestartApplication) {
      return 2;
    }
    if (i instanceof Instruction.Update || i instanceof Instruction.AddApplication
        || i instanceof Instruction.RemoveApplication) {
      return 1;
    }
    return 0;
  }
}

package dev.molt.upgrade.check;

import dev.molt.format.ReleaseDescriptor;
import dev.molt.upgrade.Direction;
import dev.molt.upgrade.step.Step;
import java.util.List;

/**
 * A plan that passed the check: the steps to run in order, each prepared, hooks and the node's
 * switch of release included.
 *
 * @param from the version the node runs
 * @param next the release it moves to
 */
public record CheckedPlan(String from, ReleaseDescriptor next, Direction direction,
    List<Step> steps) {
  public CheckedPlan {
    steps = List.copyOf(steps);
  }

  public String to() {
    return next.version();
  }

  /** True when the plan ends by restarting the JVM into the new release ({@code restart_jvm}). */
  public boolean restartsJvm() {
    return steps.stream().anyMatch(s -> s instanceof dev.molt.upgrade.step.RestartJvmStep);
  }
}

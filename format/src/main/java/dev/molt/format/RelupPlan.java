package dev.molt.format;

import java.util.List;

/**
 * The ordered steps between the relup's release version and one other version: in {@code up},
 * {@code version} is the version upgraded from; in {@code down}, the version downgraded to.
 * Exactly one step is {@link Instruction.PointOfNoReturn}.
 */
public record RelupPlan(String version, List<RelupStep> steps) {
  public RelupPlan {
    Names.requireVersion(version, "relup plan version");
    steps = List.copyOf(steps);
    long markers = steps.stream()
        .filter(s -> s.instruction() instanceof Instruction.PointOfNoReturn).count();
    if (markers != 1) {
      throw new IllegalArgumentException("the plan for " + version + " has " + markers
          + " point_of_no_return steps; it needs exactly one");
    }
  }

  /** Index of the point_of_no_return step. */
  public int pointOfNoReturn() {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).instruction() instanceof Instruction.PointOfNoReturn) {
        return i;
      }
    }
    throw new IllegalStateException("checked in the constructor");
  }
}

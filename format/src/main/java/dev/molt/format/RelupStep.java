package dev.molt.format;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of a relup: an instruction and the application it applies to. Only
 * {@link Instruction.PointOfNoReturn} and {@link Instruction.RestartJvm} concern the whole node and
 * have no application.
 */
public record RelupStep(Optional<String> app, Instruction instruction) {
  public RelupStep {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(instruction, "instruction");
    boolean nodeWide = instruction instanceof Instruction.PointOfNoReturn
        || instruction instanceof Instruction.RestartJvm;
    if (nodeWide && app.isPresent()) {
      throw new IllegalArgumentException(instruction.op() + " concerns the whole node, not app " + app.get());
    }
    if (!nodeWide && app.isEmpty()) {
      throw new IllegalArgumentException(instruction.op() + " needs the app it applies to");
    }
    app.ifPresent(a -> Names.requireName(a, "relup step app"));
  }

  /** A step for one application. */
  public static RelupStep of(String app, Instruction instruction) {
    return new RelupStep(Optional.of(app), instruction);
  }

  /** A step for the whole node. */
  public static RelupStep node(Instruction instruction) {
    return new RelupStep(Optional.empty(), instruction);
  }
}

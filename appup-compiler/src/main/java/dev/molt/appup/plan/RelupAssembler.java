package dev.molt.appup.plan;

import dev.molt.format.Instruction;
import dev.molt.format.RelupPlan;
import dev.molt.format.RelupStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orders the app instructions of one path into relup plans. Up: apps of the new release
 * dependencies first, then the removed apps dependents first. Down: the exact reverse order of
 * apps. In both, every {@code purge} moves after the single {@code point_of_no_return}: until
 * then the engine keeps old loaders and can undo each step in-process; a purge drops them, so only
 * a JVM restart into the permanent release goes back past it. A kernel or runtime change makes
 * the plan a lone {@code restart_jvm}.
 */
final class RelupAssembler {
  private RelupAssembler() {}

  /**
   * @param apps the new release's apps in dependency order, then the removed apps dependents first
   */
  static RelupPlan up(String fromVersion, List<AppPlan> apps, Optional<String> restartJvm) {
    if (restartJvm.isPresent()) {
      return restartJvm(fromVersion, restartJvm.get());
    }
    List<RelupStep> steps = new ArrayList<>();
    List<RelupStep> purges = new ArrayList<>();
    for (AppPlan a : apps) {
      split(a.app(), a.up(), steps, purges);
    }
    return assemble(fromVersion, steps, purges);
  }

  static RelupPlan down(String toVersion, List<AppPlan> apps, Optional<String> restartJvm) {
    if (restartJvm.isPresent()) {
      return restartJvm(toVersion, restartJvm.get());
    }
    List<RelupStep> steps = new ArrayList<>();
    List<RelupStep> purges = new ArrayList<>();
    for (int i = apps.size() - 1; i >= 0; i--) {
      split(apps.get(i).app(), apps.get(i).down(), steps, purges);
    }
    return assemble(toVersion, steps, purges);
  }

  private static void split(String app, List<Instruction> list, List<RelupStep> steps, List<RelupStep> purges) {
    for (Instruction i : list) {
      if (i instanceof Instruction.RestartJvm) {
        continue; // handled node-wide; see NodeChecks and AppPlans
      }
      (i instanceof Instruction.Purge ? purges : steps).add(RelupStep.of(app, i));
    }
  }

  private static RelupPlan assemble(String version, List<RelupStep> steps, List<RelupStep> purges) {
    List<RelupStep> all = new ArrayList<>(steps);
    all.add(RelupStep.node(new Instruction.PointOfNoReturn()));
    all.addAll(purges);
    return new RelupPlan(version, all);
  }

  private static RelupPlan restartJvm(String version, String reason) {
    return new RelupPlan(version, List.of(RelupStep.node(new Instruction.PointOfNoReturn()),
        RelupStep.node(new Instruction.RestartJvm(reason))));
  }
}

package dev.molt.upgrade.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.format.Instruction;
import dev.molt.format.RelupPlan;
import dev.molt.format.RelupStep;
import dev.molt.format.ShortNames;
import dev.molt.upgrade.step.DefineStep;
import dev.molt.upgrade.step.RedefineStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lines of {@code plan}, {@code upgrade} and their reports name each class by the shortest
 * name no other class of the same plan shares: two {@code Main}s in two packages are told apart,
 * even when one is redefined and the other defined.
 */
class PlanLineNamesTest {
  private static final RelupPlan PLAN = new RelupPlan("1.0.0", List.of(
      RelupStep.of("web", new Instruction.Define(List.of("y.web.Main"))),
      RelupStep.of("web", new Instruction.Redefine(List.of("x.web.Main", "x.web.Handler"))),
      RelupStep.of("web", new Instruction.Apply("x.web.Migration", "run")),
      new RelupStep(Optional.empty(), new Instruction.PointOfNoReturn())));

  @Test
  void describe_twoMainsInOnePlan_showsShortestUnambiguousNames() {
    ShortNames names = ShortNames.among(PlanChecker.classesNamed(PLAN));

    DefineStep define = new DefineStep("web", List.of("y.web.Main"), List.of(), Map.of(), Optional.empty(),
        (loader, name) -> loader, names);
    RedefineStep redefine = new RedefineStep("web", List.of("x.web.Main", "x.web.Handler"), List.of(), Map.of(),
        Map.of(), null, (loader, name) -> loader, names);

    assertThat(define.describe()).isEqualTo("define web: y.web.Main");
    assertThat(redefine.describe()).isEqualTo("redefine web: x.web.Main, Handler");
  }

  @Test
  void describe_oneMain_staysSimple() {
    RelupPlan plan = new RelupPlan("1.0.0", List.of(
        RelupStep.of("web", new Instruction.Redefine(List.of("x.web.Main", "x.web.Handler"))),
        new RelupStep(Optional.empty(), new Instruction.PointOfNoReturn())));
    RedefineStep redefine = new RedefineStep("web", List.of("x.web.Main", "x.web.Handler"), List.of(), Map.of(),
        Map.of(), null, (loader, name) -> loader, ShortNames.among(PlanChecker.classesNamed(plan)));

    assertThat(redefine.describe()).isEqualTo("redefine web: Main, Handler");
  }
}

package dev.molt.appup.plan;

import dev.molt.format.Appup;
import dev.molt.format.Instruction;

/** The risk of a hand-written appup, from the most disruptive instruction it holds. */
final class OverrideRisk {
  private OverrideRisk() {}

  static Risk of(Appup appup) {
    Risk risk = Risk.LOW;
    for (Instruction i : appup.up()) {
      if (i instanceof Instruction.RestartApplication || i instanceof Instruction.RestartJvm) {
        return Risk.HIGH;
      }
      if (i instanceof Instruction.Update || i instanceof Instruction.Apply) {
        risk = Risk.MEDIUM;
      }
    }
    return risk;
  }
}

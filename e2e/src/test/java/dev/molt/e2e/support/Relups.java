package dev.molt.e2e.support;

import dev.molt.format.FormatException;
import dev.molt.format.Relup;
import dev.molt.format.RelupPlan;
import dev.molt.format.RelupStep;
import dev.molt.format.UpgradeFormats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Hand edits of an installed relup, as an operator (or an appup override) could make them. */
public final class Relups {
  private Relups() {}

  /**
   * Replaces the steps of the up plan from {@code from} in {@code releases/<to>/relup.json} of a
   * node with what {@code edit} makes of them.
   */
  public static void editUp(Path nodeRoot, String to, String from,
      UnaryOperator<List<RelupStep>> edit) {
    Path file = nodeRoot.resolve("releases").resolve(to).resolve("relup.json");
    try {
      Relup relup = UpgradeFormats.readRelup(file);
      List<RelupPlan> up = new ArrayList<>();
      for (RelupPlan plan : relup.up()) {
        up.add(plan.version().equals(from)
            ? new RelupPlan(plan.version(), edit.apply(new ArrayList<>(plan.steps()))) : plan);
      }
      UpgradeFormats.writeRelup(file, new Relup(relup.release(), relup.version(), up,
          relup.down()));
    } catch (FormatException e) {
      throw new AssertionError(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The index of the first step of {@code steps} whose instruction is a {@code type}. */
  public static int indexOf(List<RelupStep> steps, Class<?> type) {
    for (int i = 0; i < steps.size(); i++) {
      if (type.isInstance(steps.get(i).instruction())) {
        return i;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " step in " + steps);
  }
}

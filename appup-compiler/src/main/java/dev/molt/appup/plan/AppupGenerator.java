package dev.molt.appup.plan;

import dev.molt.appup.diff.AppDiff;
import dev.molt.appup.diff.ChangeKind;
import dev.molt.appup.diff.ClassChange;
import dev.molt.appup.diff.ClassFiles;
import dev.molt.appup.error.CorruptClassException;
import dev.molt.format.AppSpec;
import dev.molt.format.Appup;
import dev.molt.format.Instruction;
import dev.molt.format.ShortNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the cheapest safe instructions for one changed app (DESIGN.md decision 3): redefine
 * body-only classes, define added ones, update the unit of a stateful service when the unit rules
 * allow it ({@link ServiceUnits}), and restart the app for anything else.
 */
final class AppupGenerator {
  /** The generated appup and its notes. */
  record Generated(Appup appup, List<Note> notes) {}

  /** Reasons listed per app; a big library can have hundreds of structural changes. */
  private static final int MAX_REASONS = 5;

  private AppupGenerator() {}

  static Generated generate(AppSpec from, AppSpec to, AppDiff diff, List<String> restartReasonsFromDeps,
      Dependents dependents) throws CorruptClassException {
    List<Note> notes = new ArrayList<>();
    List<String> restart = new ArrayList<>(restartReasonsFromDeps);
    restart.addAll(AppLevelChecks.reasons(from, to, diff));
    List<String> redefine = new ArrayList<>();
    List<Instruction.Update> updates = new ArrayList<>();
    ClassFiles newer = diff.to().orElseThrow();
    ShortNames names = ShortNames.among(diff.changes().stream().map(ClassChange::className).toList());
    Set<String> inUnits = new HashSet<>();
    for (ServiceUnits.Outcome unit : ServiceUnits.plan(from, to, diff, dependents, names)) {
      unit.changes().forEach(c -> inUnits.add(c.className()));
      unit.update().ifPresent(updates::add);
      restart.addAll(unit.restartReasons());
      notes.addAll(unit.notes());
    }
    for (ClassChange c : diff.changes()) {
      if (inUnits.contains(c.className())) {
        continue; // the unit's update or restart covers it
      }
      switch (c.kind()) {
        case BODY_ONLY -> bodyOnly(c, names, redefine, restart, notes);
        case STRUCTURAL -> restart.add("structural change in " + names.of(c.className()) + ": "
            + c.reasons().get(0));
        case REMOVED -> notes.add(Note.about(c.className(), "none", Risk.LOW, "class "
            + names.of(c.className()) + " removed: it stays loaded in the old loader until the app restarts"));
        case ADDED -> { }
      }
    }
    if (!restart.isEmpty()) {
      return restartApp(from, to, restart, notes);
    }
    List<String> added = AddedClasses.superclassesFirst(newer, diff.of(ChangeKind.ADDED).stream()
        .filter(c -> !inUnits.contains(c.className())).toList());
    List<Instruction> up = new ArrayList<>();
    List<Instruction> down = new ArrayList<>();
    if (!added.isEmpty()) {
      up.add(new Instruction.Define(added));
      notes.add(Note.app("define", Risk.LOW, added.size() + " new class(es) defined into the app's loader: "
          + String.join(", ", added.stream().map(names::of).toList())));
    }
    if (!redefine.isEmpty()) {
      up.add(new Instruction.Redefine(redefine));
      down.add(new Instruction.Redefine(redefine));
    }
    up.addAll(updates);
    List<Instruction.Update> reversed = new ArrayList<>(updates);
    Collections.reverse(reversed);
    down.addAll(0, reversed);
    if (!updates.isEmpty()) {
      up.add(new Instruction.Purge());
      down.add(new Instruction.Purge());
    }
    return new Generated(new Appup(to.name(), from.version(), to.version(), up, down), notes);
  }

  private static void bodyOnly(ClassChange c, ShortNames names, List<String> redefine,
      List<String> restart, List<Note> notes) {
    String name = names.of(c.className());
    if (c.staticInitializerChanged()) {
      restart.add("static initializer of " + name + " changed; redefine would not run it again");
      return;
    }
    redefine.add(c.className());
    notes.add(Note.about(c.className(), "redefine", Risk.LOW, "body-only change in " + name
        + " (" + String.join(", ", c.changedMethods()) + "): redefine in place"));
  }

  /** An app with no class to read that must still restart (wiring or a dependency changed). */
  static Generated restartOnly(AppSpec from, AppSpec to, List<String> reasons) {
    return restartApp(from, to, reasons, List.of());
  }

  private static Generated restartApp(AppSpec from, AppSpec to, List<String> reasons, List<Note> notes) {
    List<Note> all = new ArrayList<>();
    reasons.stream().limit(MAX_REASONS).forEach(r -> all.add(Note.app("restart_application", Risk.HIGH, r)));
    if (reasons.size() > MAX_REASONS) {
      all.add(Note.app("restart_application", Risk.HIGH, "and " + (reasons.size() - MAX_REASONS)
          + " more reasons of the same kinds"));
    }
    all.add(Note.app("restart_application", Risk.HIGH, "restart_application: the in-memory state of "
        + to.name() + " is lost and it serves no calls while it restarts"));
    notes.stream().filter(n -> n.op().equals("none")).limit(MAX_REASONS).forEach(all::add);
    List<Instruction> steps = List.of(new Instruction.RestartApplication(), new Instruction.Purge());
    return new Generated(new Appup(to.name(), from.version(), to.version(), steps, steps), all);
  }
}

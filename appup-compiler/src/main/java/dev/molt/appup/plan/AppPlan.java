package dev.molt.appup.plan;

import dev.molt.format.Appup;
import dev.molt.format.Instruction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan for one app between two releases.
 *
 * @param fromVersion its version in the older release, if there
 * @param toVersion its version in the newer release, if there
 * @param up the instructions on the way up; empty when nothing has to run
 * @param down the instructions on the way down
 * @param overridden the override file that replaced the generated instructions, if any
 * @param notes what changes, why, and the risk
 */
public record AppPlan(String app, AppChange change, Optional<String> fromVersion,
    Optional<String> toVersion, List<Instruction> up, List<Instruction> down,
    Optional<String> overridden, List<Note> notes) {

  public AppPlan {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(fromVersion, "fromVersion");
    Objects.requireNonNull(toVersion, "toVersion");
    up = List.copyOf(up);
    down = List.copyOf(down);
    Objects.requireNonNull(overridden, "overridden");
    notes = List.copyOf(notes);
  }

  /**
   * The instructions as an appup, for apps in both releases that have any; this is what
   * {@code rel/appups/<app>/<from>-<to>.json} holds.
   */
  public Optional<Appup> appup() {
    if (fromVersion.isEmpty() || toVersion.isEmpty() || (up.isEmpty() && down.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new Appup(app, fromVersion.get(), toVersion.get(), up, down));
  }

  /** Whether the app goes through {@code restart_application} (on the way up). */
  public boolean restarts() {
    return up.stream().anyMatch(i -> i instanceof Instruction.RestartApplication);
  }

  /** The highest risk of its notes; LOW when there are none. */
  public Risk risk() {
    return notes.stream().map(Note::risk).max(Enum::compareTo).orElse(Risk.LOW);
  }
}

package dev.molt.appup.plan;

import dev.molt.appup.diff.ChangeKind;
import dev.molt.appup.diff.ClassChange;
import dev.molt.appup.diff.ClassFiles;
import dev.molt.appup.diff.UnitClasses;
import dev.molt.appup.error.CorruptClassException;
import dev.molt.format.ShortNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The notes of a unit's {@code update}: what changed, the state, lazy results, static fields. */
final class UnitNotes {
  /** Items listed in one note before "and N more". */
  private static final int MAX_LISTED = 3;

  private UnitNotes() {}

  static List<Note> of(String unit, String service, String contract, Optional<String> migration,
      List<ClassChange> changes, ClassFiles newer, ShortNames names) throws CorruptClassException {
    List<Note> notes = new ArrayList<>();
    String what = "unit " + unit + " changed (" + listed(changes.stream().map(c -> names.of(
        c.className()) + " " + c.kind().name().toLowerCase().replace('_', '-')).toList()) + ")";
    if (migration.isPresent()) {
      notes.add(Note.about(service, "update", Risk.MEDIUM, what + ": update " + names.of(service)
          + " with state migration " + names.of(migration.get())));
    } else {
      ClassChange own = changes.stream().filter(c -> c.className().equals(service)).findFirst()
          .orElse(new ClassChange(service, ChangeKind.BODY_ONLY, List.of(), false, List.of(),
              List.of(), List.of()));
      notes.add(StateNotes.noMigration(own, names.of(service), what));
    }
    List<String> lazy = UnitClasses.crossing(newer, contract).lazyMethods();
    if (!lazy.isEmpty()) {
      notes.add(Note.about(contract, "update", Risk.HIGH, "contract " + names.of(contract)
          + " returns lazy work (" + listed(lazy) + "): calls that outlive a drain run after "
          + "the handle let them go, possibly on the replaced implementation; return "
          + "materialised values"));
    }
    notes.add(staticFields(unit, newer, names));
    return notes;
  }

  private static Note staticFields(String unit, ClassFiles newer, ShortNames names)
      throws CorruptClassException {
    List<UnitClasses.StaticField> fields = UnitClasses.staticFields(newer, unit);
    if (fields.isEmpty()) {
      return Note.app("update", Risk.LOW, "unit " + unit + " is loaded anew: static fields "
          + "would start fresh (it has none besides constants)");
    }
    boolean mutable = fields.stream().anyMatch(f -> !f.isFinal());
    return Note.app("update", mutable ? Risk.MEDIUM : Risk.LOW, "unit " + unit + " is loaded "
        + "anew: its static fields start fresh, not carried over ("
        + listed(fields.stream().map(f -> names.of(f.owner()) + "." + f.name()
            + (f.isFinal() ? "" : " (not final)")).toList()) + ")");
  }

  /** {@code a, b, c} or {@code a, b, c and 4 more}. */
  static String listed(List<String> items) {
    if (items.size() <= MAX_LISTED + 1) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, MAX_LISTED)) + " and " + (items.size() - MAX_LISTED)
        + " more";
  }
}

package dev.molt.appup.plan;

import dev.molt.appup.diff.ClassChange;
import java.util.List;

/** Explains what happens to the state of a service updated without a migration. */
final class StateNotes {
  private StateNotes() {}

  /** {@code name}: the class's name as the report shows it; {@code what}: what changed. */
  static Note noMigration(ClassChange c, String name, String what) {
    List<String> dropped = names(c.removedFields());
    List<String> added = names(c.addedFields());
    StringBuilder m = new StringBuilder(what + ": update " + name
        + " without migration (no " + name + "Migration implementing StateMigration found)");
    if (!dropped.isEmpty()) {
      m.append("; no migration found for changed state class: fields ")
          .append(String.join(", ", dropped)).append(" dropped");
    }
    if (!added.isEmpty()) {
      m.append("; fields ").append(String.join(", ", added)).append(" start from what importState sets");
    }
    return Note.about(c.className(), "update", dropped.isEmpty() ? Risk.MEDIUM : Risk.HIGH, m.toString());
  }

  private static List<String> names(List<String> fields) {
    return fields.stream().map(f -> f.substring(0, f.indexOf(':'))).toList();
  }
}

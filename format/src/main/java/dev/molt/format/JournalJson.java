package dev.molt.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.molt.format.Fields.InvalidField;
import java.util.Locale;

/** Reads and writes {@link UpgradeJournal} as JSON. */
final class JournalJson {
  static final int SCHEMA = 1;

  private JournalJson() {}

  static UpgradeJournal read(JsonValue root) throws InvalidField {
    Fields top = new Fields(root, "");
    top.allowOnly("schema", "name", "from", "to", "direction", "phase", "step", "trial");
    int schema = top.integer("schema");
    if (schema != SCHEMA) {
      throw new InvalidField("schema", "is " + schema + ", this Molt reads schema " + SCHEMA);
    }
    String name = top.string("name");
    String from = top.string("from");
    String to = top.string("to");
    UpgradeJournal.Direction direction = constant(UpgradeJournal.Direction.class,
        top.string("direction"), "direction", "up, down");
    UpgradeJournal.Phase phase = constant(UpgradeJournal.Phase.class, top.string("phase"),
        "phase", "pre_upgrade, steps, post_upgrade, past_point_of_no_return, commit, rollback,"
            + " restart_jvm");
    int step = top.integer("step");
    boolean trial = top.isPresent("trial") && top.bool("trial");
    return top.build(f -> new UpgradeJournal(name, from, to, direction, phase, step, trial));
  }

  static String text(UpgradeJournal journal) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("schema", SCHEMA);
    root.put("name", journal.name());
    root.put("from", journal.from());
    root.put("to", journal.to());
    root.put("direction", journal.direction().json());
    root.put("phase", journal.phase().json());
    root.put("step", journal.step());
    if (journal.trial()) {
      root.put("trial", true);
    }
    return JsonText.of(root);
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String value, String field,
      String allowed) throws InvalidField {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidField(field, "is \"" + value + "\"; must be one of " + allowed);
    }
  }
}

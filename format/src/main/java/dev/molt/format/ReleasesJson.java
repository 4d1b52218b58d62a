package dev.molt.format;

import dev.molt.format.Fields.InvalidField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a {@link ReleasesFile} from its JSON tree; writing is in {@link ReleaseTrees}. */
final class ReleasesJson {
  static final int SCHEMA = 1;

  private ReleasesJson() {}

  static ReleasesFile read(JsonValue root) throws InvalidField {
    Fields top = new Fields(root, "");
    top.allowOnly("schema", "name", "releases");
    int schema = top.integer("schema");
    if (schema != SCHEMA) {
      throw new InvalidField("schema", "is " + schema + ", this Molt reads schema " + SCHEMA);
    }
    String name = top.string("name");
    List<InstalledRelease> releases = new ArrayList<>();
    for (Fields r : top.objects("releases")) {
      r.allowOnly("version", "state");
      String version = r.string("version");
      String state = r.string("state");
      ReleaseState s;
      try {
        s = ReleaseState.valueOf(state.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidField(r.path() + ".state",
            "is \"" + state + "\"; must be one of unpacked, current, permanent, old");
      }
      releases.add(r.build(f -> new InstalledRelease(version, s)));
    }
    return top.build(f -> new ReleasesFile(name, releases));
  }
}

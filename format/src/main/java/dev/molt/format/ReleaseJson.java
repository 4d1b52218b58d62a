package dev.molt.format;

import dev.molt.format.Fields.InvalidField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link ReleaseDescriptor} from its JSON tree, field by field. Writing is in
 * {@link ReleaseTrees}, so that reading never loads Jackson.
 */
final class ReleaseJson {
  private ReleaseJson() {}

  static ReleaseDescriptor read(JsonValue root) throws InvalidField {
    Fields top = new Fields(root, "");
    top.allowOnly("schema", "name", "version", "environment", "kernel", "runtime", "apps", "commands",
        "upgrade");
    int schema = top.integer("schema");
    if (schema != ReleaseDescriptor.SCHEMA) {
      throw new InvalidField("schema", "is " + schema + ", this Molt reads schema "
          + ReleaseDescriptor.SCHEMA + "; rebuild the release with this Molt version");
    }
    String name = top.string("name");
    String version = top.string("version");
    String env = top.string("environment");
    KernelRef kernel = readKernel(top.object("kernel"));
    RuntimeSpec runtime = readRuntime(top.object("runtime"));
    List<AppSpec> apps = new ArrayList<>();
    for (Fields app : top.objects("apps")) {
      apps.add(readApp(app));
    }
    List<CommandSpec> commands = new ArrayList<>();
    if (top.has("commands")) {
      for (Fields c : top.objects("commands")) {
        c.allowOnly("name", "script", "description");
        String cn = c.string("name");
        String script = c.string("script");
        String desc = c.optionalString("description").orElse("");
        commands.add(c.build(f -> new CommandSpec(cn, script, desc)));
      }
    }
    Optional<TrialCheck> trial = Optional.empty();
    UpgradeSettings upgrade = UpgradeSettings.DEFAULTS;
    if (top.isPresent("upgrade")) {
      Fields uf = top.object("upgrade");
      uf.allowOnly("trial", "update_pause_ms", "update_drain_ms");
      if (uf.isPresent("trial")) {
        trial = Optional.of(readTrial(uf.object("trial")));
      }
      int pause = uf.isPresent("update_pause_ms") ? uf.integer("update_pause_ms")
          : UpgradeSettings.DEFAULTS.updatePauseMs();
      int drain = uf.isPresent("update_drain_ms") ? uf.integer("update_drain_ms")
          : UpgradeSettings.DEFAULTS.updateDrainMs();
      upgrade = uf.build(f -> new UpgradeSettings(pause, drain));
    }
    Optional<TrialCheck> t = trial;
    UpgradeSettings settings = upgrade;
    return top.build(f -> new ReleaseDescriptor(name, version, env, kernel, runtime, apps, commands,
        t, settings));
  }

  /** {@code {"http" | "rpc" | "hook": "...", "seconds": N, "interval_ms": M}}, as in molt.json. */
  private static TrialCheck readTrial(Fields t) throws InvalidField {
    t.allowOnly("http", "rpc", "hook", "seconds", "interval_ms");
    List<TrialCheck.Kind> kinds = new ArrayList<>();
    for (TrialCheck.Kind k : TrialCheck.Kind.values()) {
      if (t.isPresent(k.json())) {
        kinds.add(k);
      }
    }
    if (kinds.size() != 1) {
      throw new InvalidField("upgrade.trial", "needs exactly one of http, rpc, hook");
    }
    TrialCheck.Kind kind = kinds.get(0);
    String target = t.string(kind.json());
    int seconds = t.integer("seconds");
    int interval = t.isPresent("interval_ms") ? t.integer("interval_ms")
        : TrialCheck.DEFAULT_INTERVAL_MS;
    return t.build(f -> new TrialCheck(kind, target, seconds, interval));
  }

  private static KernelRef readKernel(Fields k) throws InvalidField {
    k.allowOnly("version", "jars");
    String version = k.string("version");
    List<JarRef> jars = readJars(k);
    return k.build(f -> new KernelRef(version, jars));
  }

  private static RuntimeSpec readRuntime(Fields r) throws InvalidField {
    r.allowOnly("embedded", "javaVersion", "modules");
    boolean embedded = r.bool("embedded");
    String javaVersion = r.optionalString("javaVersion").orElse("");
    List<String> modules = r.strings("modules");
    return r.build(f -> new RuntimeSpec(embedded, javaVersion, modules));
  }

  private static AppSpec readApp(Fields a) throws InvalidField {
    a.allowOnly("name", "version", "coordinates", "jars", "dependsOn", "classPath", "entry");
    String name = a.string("name");
    String version = a.string("version");
    Optional<String> coordinates = a.optionalString("coordinates");
    List<JarRef> jars = readJars(a);
    List<String> deps = a.strings("dependsOn");
    List<String> classPath = a.has("classPath") ? a.strings("classPath") : List.of();
    Optional<EntryPoint> entry = Optional.empty();
    Optional<Fields> e = a.optionalObject("entry");
    if (e.isPresent()) {
      Fields ef = e.get();
      ef.allowOnly("kind", "class", "args");
      String kind = ef.string("kind");
      String cls = ef.string("class");
      List<String> args = ef.has("args") ? ef.strings("args") : List.of();
      EntryPoint.Kind k = switch (kind) {
        case "application" -> EntryPoint.Kind.APPLICATION;
        case "main" -> EntryPoint.Kind.MAIN;
        default -> throw new InvalidField(ef.path() + ".kind", "must be \"application\" or \"main\", not \"" + kind + "\"");
      };
      entry = Optional.of(ef.build(f -> new EntryPoint(k, cls, args)));
    }
    Optional<EntryPoint> entryPoint = entry;
    return a.build(f -> new AppSpec(name, version, coordinates, jars, deps, classPath, entryPoint));
  }

  private static List<JarRef> readJars(Fields owner) throws InvalidField {
    List<JarRef> jars = new ArrayList<>();
    for (Fields j : owner.objects("jars")) {
      j.allowOnly("file", "sha256");
      String file = j.string("file");
      String sha = j.string("sha256");
      jars.add(j.build(f -> new JarRef(file, sha)));
    }
    return jars;
  }
}

package dev.molt.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds the Jackson trees of release.json and RELEASES.json for canonical writing (fixed field
 * order). Kept apart from the readers so that the kernel, which only reads, never loads Jackson:
 * {@link Formats} calls only {@link #text} here, whose signatures name no Jackson type (the
 * bytecode verifier would load the types it has to check).
 */
final class ReleaseTrees {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ReleaseTrees() {}

  /** The canonical text of a release descriptor. */
  static String text(ReleaseDescriptor d) {
    return JsonText.of(write(d));
  }

  /** The canonical text of a RELEASES.json file. */
  static String text(ReleasesFile file) {
    return JsonText.of(write(file));
  }

  static ObjectNode write(ReleaseDescriptor d) {
    ObjectNode root = F.objectNode();
    root.put("schema", ReleaseDescriptor.SCHEMA);
    root.put("name", d.name());
    root.put("version", d.version());
    root.put("environment", d.environment());
    ObjectNode kernel = root.putObject("kernel");
    kernel.put("version", d.kernel().version());
    writeJars(kernel, d.kernel().jars());
    ObjectNode runtime = root.putObject("runtime");
    runtime.put("embedded", d.runtime().embedded());
    runtime.put("javaVersion", d.runtime().javaVersion());
    ArrayNode modules = runtime.putArray("modules");
    d.runtime().modules().forEach(modules::add);
    ArrayNode apps = root.putArray("apps");
    for (AppSpec app : d.apps()) {
      ObjectNode a = apps.addObject();
      a.put("name", app.name());
      a.put("version", app.version());
      app.coordinates().ifPresent(c -> a.put("coordinates", c));
      writeJars(a, app.jars());
      ArrayNode deps = a.putArray("dependsOn");
      app.dependsOn().forEach(deps::add);
      app.entry().ifPresent(e -> {
        ArrayNode classPath = a.putArray("classPath");
        app.classPath().forEach(classPath::add);
        ObjectNode en = a.putObject("entry");
        en.put("kind", e.kind() == EntryPoint.Kind.APPLICATION ? "application" : "main");
        en.put("class", e.className());
        if (!e.args().isEmpty()) {
          ArrayNode args = en.putArray("args");
          e.args().forEach(args::add);
        }
      });
    }
    ArrayNode commands = root.putArray("commands");
    for (CommandSpec c : d.commands()) {
      commands.addObject().put("name", c.name()).put("script", c.script()).put("description", c.description());
    }
    if (d.trial().isPresent() || !d.upgrade().equals(UpgradeSettings.DEFAULTS)) {
      ObjectNode upgrade = root.putObject("upgrade");
      d.trial().ifPresent(t -> upgrade.putObject("trial")
          .put(t.kind().json(), t.target()).put("seconds", t.seconds())
          .put("interval_ms", t.intervalMs()));
      if (!d.upgrade().equals(UpgradeSettings.DEFAULTS)) { // written only when the release sets it
        upgrade.put("update_pause_ms", d.upgrade().updatePauseMs())
            .put("update_drain_ms", d.upgrade().updateDrainMs());
      }
    }
    return root;
  }

  private static void writeJars(ObjectNode owner, List<JarRef> jars) {
    ArrayNode array = owner.putArray("jars");
    jars.forEach(j -> array.addObject().put("file", j.file()).put("sha256", j.sha256()));
  }

  static ObjectNode write(ReleasesFile file) {
    ObjectNode root = F.objectNode();
    root.put("schema", ReleasesJson.SCHEMA);
    root.put("name", file.name());
    ArrayNode releases = root.putArray("releases");
    file.releases().forEach(r -> releases.addObject().put("version", r.version()).put("state", r.state().json()));
    return root;
  }
}

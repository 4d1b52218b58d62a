package dev.molt.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.molt.format.Fields.InvalidField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps {@link ReleaseDescriptor} to and from its JSON tree, field by field. */
final class ReleaseJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ReleaseJson() {}

  static ReleaseDescriptor read(JsonNode root) throws InvalidField {
    Fields top = new Fields(root, "");
    top.allowOnly("schema", "name", "version", "environment", "kernel", "runtime", "apps", "commands");
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
    if (root.has("commands")) {
      for (Fields c : top.objects("commands")) {
        c.allowOnly("name", "script", "description");
        String cn = c.string("name");
        String script = c.string("script");
        String desc = c.optionalString("description").orElse("");
        commands.add(c.build(f -> new CommandSpec(cn, script, desc)));
      }
    }
    return top.build(f -> new ReleaseDescriptor(name, version, env, kernel, runtime, apps, commands));
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
    a.allowOnly("name", "version", "coordinates", "jars", "dependsOn", "entry");
    String name = a.string("name");
    String version = a.string("version");
    Optional<String> coordinates = a.optionalString("coordinates");
    List<JarRef> jars = readJars(a);
    List<String> deps = a.strings("dependsOn");
    Optional<EntryPoint> entry = Optional.empty();
    Optional<Fields> e = a.optionalObject("entry");
    if (e.isPresent()) {
      Fields ef = e.get();
      ef.allowOnly("kind", "class");
      String kind = ef.string("kind");
      String cls = ef.string("class");
      EntryPoint.Kind k = switch (kind) {
        case "application" -> EntryPoint.Kind.APPLICATION;
        case "main" -> EntryPoint.Kind.MAIN;
        default -> throw new InvalidField(ef.path() + ".kind", "must be \"application\" or \"main\", not \"" + kind + "\"");
      };
      entry = Optional.of(ef.build(f -> new EntryPoint(k, cls)));
    }
    Optional<EntryPoint> entryPoint = entry;
    return a.build(f -> new AppSpec(name, version, coordinates, jars, deps, entryPoint));
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
        ObjectNode en = a.putObject("entry");
        en.put("kind", e.kind() == EntryPoint.Kind.APPLICATION ? "application" : "main");
        en.put("class", e.className());
      });
    }
    ArrayNode commands = root.putArray("commands");
    for (CommandSpec c : d.commands()) {
      commands.addObject().put("name", c.name()).put("script", c.script()).put("description", c.description());
    }
    return root;
  }

  private static void writeJars(ObjectNode owner, List<JarRef> jars) {
    ArrayNode array = owner.putArray("jars");
    jars.forEach(j -> array.addObject().put("file", j.file()).put("sha256", j.sha256()));
  }
}

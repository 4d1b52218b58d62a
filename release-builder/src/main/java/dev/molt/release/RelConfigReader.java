package dev.molt.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.molt.format.TrialCheck;
import dev.molt.format.UpgradeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code rel/molt.json} strictly: an unknown key or a value of the wrong type is an error
 * naming the file, the field and the keys that are known, so that a typo never goes unnoticed.
 */
final class RelConfigReader {
  static final int SCHEMA = 1;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());

  private final Path file;

  private RelConfigReader(Path file) {
    this.file = file;
  }

  static RelConfig read(Path file) throws InvalidRelConfigException {
    return new RelConfigReader(file).read();
  }

  private RelConfig read() throws InvalidRelConfigException {
    JsonNode root = parse();
    object(root, "top level");
    known(root, "top level", "schema", "name", "environments", "runtime", "commands", "args",
        "upgrade");
    JsonNode schema = root.get("schema");
    if (schema == null || !schema.isInt() || schema.intValue() != SCHEMA) {
      throw error("schema", "must be " + SCHEMA + " (got " + schema + ")");
    }
    Optional<String> name = optionalString(root, "name");
    Map<String, RelConfig.Environment> envs = new LinkedHashMap<>();
    JsonNode envNode = root.get("environments");
    if (envNode == null) {
      envs.put("dev", new RelConfig.Environment(true, false, "jvm.options", "config.json"));
      envs.put("prod", new RelConfig.Environment(false, true, "jvm.options", "config.json"));
    } else {
      object(envNode, "environments");
      for (Iterator<String> it = envNode.fieldNames(); it.hasNext(); ) {
        String env = it.next();
        envs.put(env, environment(envNode.get(env), "environments." + env));
      }
    }
    List<String> args = root.has("args") ? strings(root, "args") : List.of();
    return new RelConfig(name, envs, runtime(root.get("runtime")), commands(root.get("commands")),
        args, trial(root.get("upgrade")), upgrade(root.get("upgrade")));
  }

  /**
   * {@code "upgrade": {"trial": {"http" | "rpc" | "hook": "...", "seconds": N,
   * "interval_ms": M}}}: exactly one of http, rpc, hook; seconds required.
   */
  private Optional<TrialCheck> trial(JsonNode upgrade) throws InvalidRelConfigException {
    if (upgrade == null) {
      return Optional.empty();
    }
    object(upgrade, "upgrade");
    known(upgrade, "upgrade", "trial", "update_pause_ms", "update_drain_ms");
    JsonNode t = upgrade.get("trial");
    if (t == null) {
      return Optional.empty();
    }
    String at = "upgrade.trial";
    object(t, at);
    known(t, at, "http", "rpc", "hook", "seconds", "interval_ms");
    List<TrialCheck.Kind> kinds = new ArrayList<>();
    for (TrialCheck.Kind k : TrialCheck.Kind.values()) {
      if (t.has(k.json())) {
        kinds.add(k);
      }
    }
    if (kinds.size() != 1) {
      throw error(at, "needs exactly one of \"http\" (a URL answering 2xx), \"rpc\""
          + " (\"<app> <class>.<method>\") or \"hook\" (a script of rel/hooks/trial/), not "
          + (kinds.isEmpty() ? "none" : kinds.size() + " of them"));
    }
    TrialCheck.Kind kind = kinds.get(0);
    String target = optionalString(t, at + "." + kind.json()).orElseThrow();
    JsonNode seconds = t.get("seconds");
    if (seconds == null || !seconds.isInt()) {
      throw error(at + ".seconds", "must be a whole number of seconds (1 to 3600) the check must"
          + " keep passing, not " + type(seconds));
    }
    JsonNode interval = t.get("interval_ms");
    if (interval != null && !interval.isInt()) {
      throw error(at + ".interval_ms", "must be a whole number of milliseconds (100 to 60000),"
          + " not " + type(interval));
    }
    try {
      return Optional.of(new TrialCheck(kind, target, seconds.intValue(),
          interval == null ? TrialCheck.DEFAULT_INTERVAL_MS : interval.intValue()));
    } catch (IllegalArgumentException e) {
      throw error(at, "is invalid: " + e.getMessage());
    }
  }

  /** {@code "upgrade": {"update_pause_ms": 2000, "update_drain_ms": 5000}}, both optional. */
  private UpgradeSettings upgrade(JsonNode n) throws InvalidRelConfigException {
    if (n == null) {
      return UpgradeSettings.DEFAULTS;
    }
    object(n, "upgrade"); // its keys are checked by trial(...)
    int pause = millis(n, "upgrade.update_pause_ms", UpgradeSettings.DEFAULTS.updatePauseMs());
    int drain = millis(n, "upgrade.update_drain_ms", UpgradeSettings.DEFAULTS.updateDrainMs());
    return new UpgradeSettings(pause, drain);
  }

  private int millis(JsonNode parent, String at, int fallback) throws InvalidRelConfigException {
    JsonNode v = parent.get(leaf(at));
    if (v == null) {
      return fallback;
    }
    if (!v.isInt() || v.intValue() < 1 || v.intValue() > UpgradeSettings.MAX_MS) {
      throw error(at, "must be a whole number of milliseconds from 1 to "
          + UpgradeSettings.MAX_MS + ", not " + v);
    }
    return v.intValue();
  }

  private RelConfig.Environment environment(JsonNode n, String at) throws InvalidRelConfigException {
    object(n, at);
    known(n, at, "devMode", "includeRuntime", "jvmOptions", "config");
    boolean dev = optionalBool(n, at + ".devMode").orElse(false);
    boolean runtime = optionalBool(n, at + ".includeRuntime").orElse(!dev);
    String jvm = fileName(n, at + ".jvmOptions", "jvm.options");
    String config = fileName(n, at + ".config", "config.json");
    return new RelConfig.Environment(dev, runtime, jvm, config);
  }

  private RelConfig.Runtime runtime(JsonNode n) throws InvalidRelConfigException {
    if (n == null) {
      return new RelConfig.Runtime(List.of(), Optional.empty(), true);
    }
    object(n, "runtime");
    known(n, "runtime", "addModules", "modules", "cds");
    List<String> add = n.has("addModules") ? strings(n, "runtime.addModules") : List.of();
    Optional<List<String>> modules =
        n.has("modules") ? Optional.of(strings(n, "runtime.modules")) : Optional.empty();
    boolean cds = optionalBool(n, "runtime.cds").orElse(true);
    return new RelConfig.Runtime(add, modules, cds);
  }

  private Map<String, String> commands(JsonNode n) throws InvalidRelConfigException {
    Map<String, String> out = new LinkedHashMap<>();
    if (n == null) {
      return out;
    }
    object(n, "commands");
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      String at = "commands." + name;
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
        throw error(at, "is not a valid command name (letters, digits, '_', '.', '-')");
      }
      JsonNode c = n.get(name);
      object(c, at);
      known(c, at, "description");
      out.put(name, optionalString(c, at + ".description").orElse(""));
    }
    return out;
  }

  private JsonNode parse() throws InvalidRelConfigException {
    try {
      return MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new InvalidRelConfigException(
          file + ": file not found; run `molt init` (or `mvn molt:init`) to create rel/");
    } catch (JsonProcessingException e) {
      throw new InvalidRelConfigException(file + ": not valid JSON (" + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + "); fix the file", e);
    } catch (IOException e) {
      throw new InvalidRelConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private void known(JsonNode n, String at, String... keys) throws InvalidRelConfigException {
    Set<String> allowed = Set.of(keys);
    Set<String> unknown = new TreeSet<>();
    n.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        unknown.add(k);
      }
    });
    if (!unknown.isEmpty()) {
      throw error(at, "has unknown key(s) " + unknown + "; known keys: " + new TreeSet<>(allowed));
    }
  }

  private void object(JsonNode n, String at) throws InvalidRelConfigException {
    if (n == null || !n.isObject()) {
      throw error(at, "must be a JSON object, not " + type(n));
    }
  }

  private Optional<String> optionalString(JsonNode parent, String at) throws InvalidRelConfigException {
    JsonNode v = parent.get(leaf(at));
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw error(at, "must be a string, not " + type(v));
    }
    return Optional.of(v.textValue());
  }

  private Optional<Boolean> optionalBool(JsonNode parent, String at) throws InvalidRelConfigException {
    JsonNode v = parent.get(leaf(at));
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      throw error(at, "must be true or false, not " + type(v));
    }
    return Optional.of(v.booleanValue());
  }

  private String fileName(JsonNode parent, String at, String fallback) throws InvalidRelConfigException {
    String name = optionalString(parent, at).orElse(fallback);
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw error(at, "must be the name of a file in rel/ (got '" + name + "')");
    }
    return name;
  }

  private List<String> strings(JsonNode parent, String at) throws InvalidRelConfigException {
    JsonNode v = parent.get(leaf(at));
    if (!v.isArray()) {
      throw error(at, "must be an array of strings, not " + type(v));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw error(at + "[" + i + "]", "must be a string, not " + type(v.get(i)));
      }
      out.add(v.get(i).textValue());
    }
    return out;
  }

  private static String leaf(String at) {
    return at.substring(at.lastIndexOf('.') + 1);
  }

  private static String type(JsonNode n) {
    return n == null ? "missing" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private InvalidRelConfigException error(String at, String problem) {
    return new InvalidRelConfigException(file + ": " + at + " " + problem + "; fix " + file.getFileName());
  }
}

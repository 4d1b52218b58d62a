package dev.molt.kernel.node;

import dev.molt.format.AppSpec;
import dev.molt.format.JsonSyntaxException;
import dev.molt.format.JsonValue;
import dev.molt.format.JsonValue.JsonBoolean;
import dev.molt.format.JsonValue.JsonNumber;
import dev.molt.format.JsonValue.JsonObject;
import dev.molt.format.JsonValue.JsonString;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.StrictJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code releases/<vsn>/config.json}: an object keyed by app name, each an object whose
 * nested keys flatten to dotted keys ({@code {"http": {"port": 4000}}} gives {@code http.port}).
 * Values are strings (with {@link Substitution environment references}), numbers or booleans.
 * The file is optional: without it every app has an empty configuration. Parsed with
 * {@link StrictJson} (strict JSON, duplicate keys refused), not Jackson, to keep boot fast.
 */
final class ConfigFile {

  private ConfigFile() {}

  /** The configuration of every app of {@code release}, resolved against {@code env}. */
  static Map<String, AppConfig> read(Path file, ReleaseDescriptor release, Map<String, String> env)
      throws ConfigException {
    Map<String, AppConfig> configs = new HashMap<>();
    release.apps().forEach(app -> configs.put(app.name(), AppConfig.empty(app.name())));
    JsonValue parsed = parse(file);
    if (parsed == null) {
      return configs;
    }
    if (!(parsed instanceof JsonObject root)) {
      throw new ConfigException(file + ": must be a JSON object keyed by app name");
    }
    for (Map.Entry<String, JsonValue> app : root.fields().entrySet()) {
      if (release.app(app.getKey()).isEmpty()) {
        throw new ConfigException(file + ": \"" + app.getKey() + "\" is not an app of release "
            + release.name() + " " + release.version() + " (apps: " + appNames(release)
            + "); fix the name or remove the entry");
      }
      if (!(app.getValue() instanceof JsonObject settings)) {
        throw new ConfigException(file + ": \"" + app.getKey() + "\" must be an object of settings");
      }
      Map<String, String> flat = new LinkedHashMap<>();
      flatten(file, app.getKey(), "", settings, env, flat);
      configs.put(app.getKey(), new AppConfig(app.getKey(), flat));
    }
    return configs;
  }

  /** The parsed file, or null when there is no config file. */
  private static JsonValue parse(Path file) throws ConfigException {
    try {
      return StrictJson.parse(file, StrictJson.MAX_CONFIG_BYTES).orElse(new JsonObject(Map.of()));
    } catch (NoSuchFileException e) {
      return null;
    } catch (JsonSyntaxException e) {
      throw new ConfigException(file + ": " + e.getMessage() + "; fix the file", e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static void flatten(Path file, String app, String prefix, JsonObject node,
      Map<String, String> env, Map<String, String> out) throws ConfigException {
    for (Map.Entry<String, JsonValue> field : node.fields().entrySet()) {
      if (field.getKey().isEmpty()) {
        throw new ConfigException(file + ": " + app + (prefix.isEmpty() ? "" : "." + prefix)
            + " has an empty key; give every setting a name");
      }
      // concat, not '+': an invokedynamic concatenation costs ~10 ms to bootstrap cold at boot.
      String key = prefix.isEmpty() ? field.getKey() : prefix.concat(".").concat(field.getKey());
      String where = app.concat(".").concat(key);
      JsonValue value = field.getValue();
      if (value instanceof JsonObject object) {
        flatten(file, app, key, object, env, out);
        continue;
      }
      String text = scalar(file, where, value, env);
      if (out.putIfAbsent(key, text) != null) {
        throw new ConfigException(file + ": " + where + " is defined twice (once nested, once "
            + "with dots); keep one");
      }
    }
  }

  private static String scalar(Path file, String where, JsonValue value, Map<String, String> env)
      throws ConfigException {
    if (value instanceof JsonString s) {
      return Substitution.resolve(s.value(), where, env);
    }
    if (value instanceof JsonNumber n) {
      return n.isIntegral() ? n.bigIntegerValue().toString() : decimal(n);
    }
    if (value instanceof JsonBoolean b) {
      return Boolean.toString(b.value());
    }
    throw new ConfigException(file + ": " + where + " must be a string, number, boolean or object,"
        + " not " + value.typeName());
  }

  /**
   * A fraction or exponent as the kernel has always given it: through a double, so {@code 1e2}
   * reads {@code 100.0} and {@code 0.250} reads {@code 0.25}; exact when out of double's range.
   */
  private static String decimal(JsonNumber n) {
    double d = Double.parseDouble(n.text());
    return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : n.decimalValue().toPlainString();
  }

  private static String appNames(ReleaseDescriptor release) {
    return release.apps().stream().map(AppSpec::name).collect(Collectors.joining(", "));
  }
}

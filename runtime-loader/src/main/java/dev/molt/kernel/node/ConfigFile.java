package dev.molt.kernel.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.molt.format.AppSpec;
import dev.molt.format.ReleaseDescriptor;
import java.io.IOException;
import java.nio.file.Files;
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
 * The file is optional: without it every app has an empty configuration.
 */
final class ConfigFile {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());

  private ConfigFile() {}

  /** The configuration of every app of {@code release}, resolved against {@code env}. */
  static Map<String, AppConfig> read(Path file, ReleaseDescriptor release, Map<String, String> env)
      throws ConfigException {
    Map<String, AppConfig> configs = new HashMap<>();
    release.apps().forEach(app -> configs.put(app.name(), AppConfig.empty(app.name())));
    JsonNode root = parse(file);
    if (root == null) {
      return configs;
    }
    if (!root.isObject()) {
      throw new ConfigException(file + ": must be a JSON object keyed by app name");
    }
    for (Map.Entry<String, JsonNode> app : root.properties()) {
      if (release.app(app.getKey()).isEmpty()) {
        throw new ConfigException(file + ": \"" + app.getKey() + "\" is not an app of release "
            + release.name() + " " + release.version() + " (apps: " + appNames(release)
            + "); fix the name or remove the entry");
      }
      if (!app.getValue().isObject()) {
        throw new ConfigException(file + ": \"" + app.getKey() + "\" must be an object of settings");
      }
      Map<String, String> flat = new LinkedHashMap<>();
      flatten(file, app.getKey(), "", app.getValue(), env, flat);
      configs.put(app.getKey(), new AppConfig(app.getKey(), flat));
    }
    return configs;
  }

  /** The parsed file, or null when there is no config file. */
  private static JsonNode parse(Path file) throws ConfigException {
    try {
      JsonNode root = MAPPER.readTree(Files.readAllBytes(file));
      return root == null || root.isMissingNode() ? MAPPER.createObjectNode() : root;
    } catch (NoSuchFileException e) {
      return null;
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ": not valid JSON (" + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + "); fix the file", e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static void flatten(Path file, String app, String prefix, JsonNode node,
      Map<String, String> env, Map<String, String> out) throws ConfigException {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getKey().isEmpty()) {
        throw new ConfigException(file + ": " + app + (prefix.isEmpty() ? "" : "." + prefix)
            + " has an empty key; give every setting a name");
      }
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      String where = app + "." + key;
      JsonNode value = field.getValue();
      if (value.isObject()) {
        flatten(file, app, key, value, env, out);
        continue;
      }
      String text = scalar(file, where, value, env);
      if (out.putIfAbsent(key, text) != null) {
        throw new ConfigException(file + ": " + where + " is defined twice (once nested, once "
            + "with dots); keep one");
      }
    }
  }

  private static String scalar(Path file, String where, JsonNode value, Map<String, String> env)
      throws ConfigException {
    if (value.isTextual()) {
      return Substitution.resolve(value.textValue(), where, env);
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isNumber()) {
      return value.decimalValue().toPlainString();
    }
    if (value.isBoolean()) {
      return Boolean.toString(value.booleanValue());
    }
    throw new ConfigException(file + ": " + where + " must be a string, number, boolean or object,"
        + " not " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
  }

  private static String appNames(ReleaseDescriptor release) {
    return release.apps().stream().map(AppSpec::name).collect(Collectors.joining(", "));
  }
}

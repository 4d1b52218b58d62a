package dev.molt.kernel.node;

import dev.molt.api.Config;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** The resolved configuration of one app: flat keys to strings. Immutable. */
final class AppConfig implements Config {
  private final String app;
  private final Map<String, String> values;

  AppConfig(String app, Map<String, String> values) {
    this.app = app;
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  static AppConfig empty(String app) {
    return new AppConfig(app, Map.of());
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  @Override
  public OptionalInt getInt(String key) {
    String value = values.get(key);
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalStateException("config " + app + "." + key + " is '" + value
          + "', not an integer; fix it in config.json or in the environment variable it names", e);
    }
  }

  @Override
  public String require(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalStateException("config " + app + "." + key + " is not set; add \"" + key
          + "\" under \"" + app + "\" in releases/<vsn>/config.json");
    }
    return value;
  }

  @Override
  public Map<String, String> asMap() {
    return values;
  }

  @Override
  public String toString() {
    return "Config" + values.keySet();
  }
}

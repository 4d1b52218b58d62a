package dev.molt.api;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An application's configuration: flat string keys ({@code "http.port"}) to string values, read
 * from {@code releases/<vsn>/config.json} with environment variables substituted at boot.
 * Immutable and thread-safe; no method returns null.
 */
public interface Config {

  /** The value of {@code key}, or empty when the key is not configured. */
  Optional<String> get(String key);

  /** The value of {@code key} parsed as an int, or empty when the key is not configured. */
  OptionalInt getInt(String key);

  /**
   * The value of {@code key}.
   *
   * @throws IllegalStateException naming the key when it is not configured
   */
  String require(String key);

  /** Every key and value, sorted by key; unmodifiable. */
  Map<String, String> asMap();
}

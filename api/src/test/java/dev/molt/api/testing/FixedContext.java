package dev.molt.api.testing;

import dev.molt.api.ApplicationContext;
import dev.molt.api.Config;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An app's context made outside a node, for tests: the app {@code name} at {@code version} in a
 * release of the same name and version, with an empty config, {@code .} as its data directory and
 * release root, and no services ({@link ApplicationContext#services()} points to {@code
 * Services.standalone}). Shared by the tests of the modules above the API through this module's
 * test jar.
 *
 * @param name the app's name (not null)
 * @param version the app's version, also the release's (not null)
 */
public record FixedContext(String name, String version) implements ApplicationContext, Config {

  public FixedContext {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  @Override
  public String releaseName() {
    return name;
  }

  @Override
  public String releaseVersion() {
    return version;
  }

  @Override
  public Config config() {
    return this;
  }

  @Override
  public Path dataDir() {
    return Path.of(".");
  }

  @Override
  public Path releaseRoot() {
    return Path.of(".");
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.empty();
  }

  @Override
  public OptionalInt getInt(String key) {
    return OptionalInt.empty();
  }

  @Override
  public String require(String key) {
    throw new IllegalStateException(key);
  }

  @Override
  public Map<String, String> asMap() {
    return Map.of();
  }
}

package dev.molt.services.app;

import dev.molt.api.ApplicationContext;
import dev.molt.api.Config;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A node's context of one app, as the kernel makes it, without the services. */
record TestContext(String name, String version) implements ApplicationContext, Config {

  @Override
  public String releaseName() {
    return "test";
  }

  @Override
  public String releaseVersion() {
    return "1";
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

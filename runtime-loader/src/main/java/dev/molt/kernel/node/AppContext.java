package dev.molt.kernel.node;

import dev.molt.api.ApplicationContext;
import dev.molt.api.Config;
import java.nio.file.Path;

/**
 * The {@link ApplicationContext} handed to an app's {@code start}. Its versions follow the node:
 * after a live upgrade swapped the app's code in place, {@link #version()} and
 * {@link #releaseVersion()} answer the new versions; the rest is fixed at start. Thread-safe.
 */
final class AppContext implements ApplicationContext {
  private final NodeApp app;
  private final Node node;
  private final Config config;

  AppContext(NodeApp app, Node node, Config config) {
    this.app = app;
    this.node = node;
    this.config = config;
  }

  @Override
  public String name() {
    return app.name();
  }

  @Override
  public String version() {
    return app.version();
  }

  @Override
  public String releaseName() {
    return node.descriptor().name();
  }

  @Override
  public String releaseVersion() {
    return node.descriptor().version();
  }

  @Override
  public Config config() {
    return config;
  }

  @Override
  public Path dataDir() {
    return app.dataDir();
  }

  @Override
  public Path releaseRoot() {
    return node.root();
  }

  @Override
  public String toString() {
    return "AppContext[" + app.label() + " of " + releaseName() + " " + releaseVersion() + "]";
  }
}

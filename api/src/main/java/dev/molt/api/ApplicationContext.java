package dev.molt.api;

import java.nio.file.Path;

/**
 * What the node tells an application about itself. Implementations are immutable and thread-safe;
 * no method returns null.
 */
public interface ApplicationContext {

  /** The application's name, as in {@code lib/<name>-<version>/}. */
  String name();

  /** The application's version. */
  String version();

  /** The release this application runs in (name and version of the whole node). */
  String releaseName();

  /** The version of the release this application runs in. */
  String releaseVersion();

  /** The application's configuration, with {@code ${VAR}} references already resolved. */
  Config config();

  /**
   * A directory the application owns for its files ({@code <release root>/var/<name>/}). It exists
   * and survives restarts and upgrades.
   */
  Path dataDir();

  /** The root of the installed release (the folder holding {@code bin/}, {@code lib/}, ...). */
  Path releaseRoot();

  /**
   * The application's {@link Services}: publish services, take handles to services of this
   * application and of those it depends on, lend resources to implementations. Inside a node the
   * same object for the application's whole life.
   *
   * <p>The default is for contexts made outside a node, which have no kernel behind them: it
   * throws. Such code uses {@link Services#standalone} instead.
   *
   * @throws UnsupportedOperationException when this context was not made by a Molt node
   */
  default Services services() {
    throw new UnsupportedOperationException(getClass().getName() + " is not a Molt node's "
        + "context and has no services; outside a node use Services.standalone(context)");
  }
}

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
}

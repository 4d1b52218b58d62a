package dev.molt.kernel.node;

import dev.molt.kernel.loader.AppClassLoader;

/**
 * An application a live upgrade took out of service (restarted into a new loader, or removed),
 * kept so the upgrade can put it back on rollback, or drop its loader once committed.
 */
public interface RetiredApp {
  /** The class loader the app ran in. */
  AppClassLoader loader();
}

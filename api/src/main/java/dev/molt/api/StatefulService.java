package dev.molt.api;

import java.util.Map;

/**
 * A service implementation whose in-memory state survives upgrades that change its class
 * structurally (fields added or removed, signatures changed).
 *
 * <p>The appup compiler recognises a class implementing this interface as a service: when the
 * class changes structurally, the plan gets an {@code update} (suspend calls, load the new version
 * in a new class loader, move the state, resume) instead of restarting the whole application.
 *
 * <p>State crosses class loaders in a neutral form: a map whose values are {@code null},
 * {@link String}, {@link Boolean}, {@link Number}, {@link java.util.List} or {@link Map} of those
 * (a JSON-like tree). Neither method is called concurrently with the service's own calls: the
 * kernel suspends the service first.
 */
public interface StatefulService {

  /**
   * The service's state in the neutral form; never null. Called on the old version before the
   * swap.
   */
  Map<String, Object> exportState();

  /**
   * Takes over the state exported by the other version, already migrated by the app's
   * {@link StateMigration} when it has one. Called on the new version before it receives calls.
   *
   * @param state the state in the neutral form; never null, unmodifiable
   */
  void importState(Map<String, Object> state);
}

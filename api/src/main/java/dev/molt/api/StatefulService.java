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
 *
 * <p><b>Life of an implementation.</b> The kernel constructs it, calls {@link #activate} before the
 * first call reaches it, and at an {@code update}: closes the handle's gate and waits until no
 * call is in flight, then {@link #deactivate}, {@link #exportState}; on the new version {@link
 * #importState} and {@link #activate}; then it reopens the gate on the new version. The old
 * version is kept (deactivated) until the upgrade commits, then {@link #dispose}d; if the upgrade
 * rolls back it is {@linkplain #importState given the state back} and {@linkplain #activate
 * activated} again, so {@code activate} and {@code deactivate} may alternate more than once. When
 * the application stops, after {@link Application#stop}: {@code deactivate}, then {@code dispose}.
 *
 * <p>The callbacks run on a kernel thread, never concurrently with each other or with calls
 * through the handle. Each may throw an unchecked exception: thrown before the swap, the update
 * is abandoned and the old version keeps serving.
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

  /**
   * Starts what this version runs by itself (its own threads, timers, scheduled tasks). Called
   * before the first call reaches this version, after {@link #importState} at an update. The
   * default does nothing.
   */
  default void activate() {}

  /**
   * Stops what {@link #activate} started, after the gate drained and before {@link
   * #exportState}: no call is in flight and none arrives until the swap. The version may be
   * {@linkplain #activate activated} again if the update rolls back. The default does nothing.
   */
  default void deactivate() {}

  /**
   * Retired for good: frees what this version made itself. Never close {@linkplain
   * ServiceContext#resource borrowed resources}: the application owns them and the next version
   * uses them. Called once, after {@link #deactivate}. The default does nothing.
   */
  default void dispose() {}
}

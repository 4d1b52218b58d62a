package dev.molt.services.app;

import java.util.Map;

/**
 * The state a stateful service exported when its application stopped for a {@code
 * restart_application}, after its {@code deactivate()}: a plain-data copy (the copy an {@code
 * update} makes), with where it came from, so that the next start of the application can import
 * it into the implementation it constructs, through the newer version's migration.
 *
 * @param contract the contract's class name (the next start's contract is another class)
 * @param implementation the class name of the implementation that exported it
 * @param loader the loader of that implementation (its unit's), where a downgrade finds the
 *     running (newer) version's migration
 * @param version the application version the implementation ran
 * @param state the exported state, plain data, unmodifiable
 */
public record CarriedState(String contract, String implementation, ClassLoader loader,
    String version, Map<String, Object> state) {

  /** Imports the state carried over a restart into a newly constructed implementation. */
  @FunctionalInterface
  public interface Import {
    /**
     * The state to import into {@code target}, constructed for {@code contract} (a class name)
     * and not activated yet; empty to let it start afresh.
     *
     * @throws Exception when the state cannot be carried (a migration that throws): the
     *     publish fails, and with it the application's start
     */
    java.util.Optional<Map<String, Object>> stateFor(String contract, Object target)
        throws Exception;
  }
}

package dev.molt.api;

import java.util.Map;

/**
 * Converts a {@link StatefulService}'s exported state between two versions of its class, in both
 * directions (Erlang's {@code code_change}).
 *
 * <p>Convention the appup compiler follows: the migration of service {@code a.b.FooService} is the
 * class {@code a.b.FooServiceMigration} of the <em>newer</em> version, implementing this
 * interface with a public no-argument constructor. The newer version migrates both ways, because
 * the older one cannot know the newer shape. An appup override may name another class.
 *
 * <p>Both methods receive and return the neutral form described in {@link StatefulService}; they
 * must not keep references to it.
 */
public interface StateMigration {

  /**
   * Upgrade: turns the state exported by version {@code fromVersion} into the newer version's
   * shape.
   */
  Map<String, Object> up(String fromVersion, Map<String, Object> state);

  /**
   * Downgrade: turns the newer version's state into the shape of version {@code toVersion}.
   */
  Map<String, Object> down(String toVersion, Map<String, Object> state);
}

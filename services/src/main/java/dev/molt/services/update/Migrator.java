package dev.molt.services.update;

import dev.molt.api.StateMigration;
import java.util.Map;

/**
 * The two directions of one {@code update}'s state conversion: {@link #forward} at the update,
 * {@link #backward} when it is undone. Built from the <em>newer</em> version's {@link
 * StateMigration}, which converts both ways: an upgrade goes forward with {@code up} and back with
 * {@code down}; a downgrade goes forward with {@code down} and back with {@code up}.
 */
public interface Migrator {
  Map<String, Object> forward(Map<String, Object> state);

  Map<String, Object> backward(Map<String, Object> state);

  /** What it calls, for messages (e.g. {@code BookServiceMigration.up("0.2.0", ...)}). */
  String describeForward();

  String describeBackward();

  /** No migration: the state passes unchanged both ways. */
  static Migrator none() {
    return new Migrator() {
      @Override
      public Map<String, Object> forward(Map<String, Object> state) {
        return state;
      }

      @Override
      public Map<String, Object> backward(Map<String, Object> state) {
        return state;
      }

      @Override
      public String describeForward() {
        return "no migration";
      }

      @Override
      public String describeBackward() {
        return "no migration";
      }
    };
  }

  /**
   * @param migration the newer version's migration
   * @param olderVersion the older of the two versions (the {@code from} of {@code up}, the {@code
   *     to} of {@code down})
   * @param upgrade true when the update moves to the newer version
   */
  static Migrator of(StateMigration migration, String olderVersion, boolean upgrade) {
    String name = migration.getClass().getSimpleName();
    String up = name + ".up(\"" + olderVersion + "\", state)";
    String down = name + ".down(\"" + olderVersion + "\", state)";
    return new Migrator() {
      @Override
      public Map<String, Object> forward(Map<String, Object> state) {
        return upgrade ? migration.up(olderVersion, state) : migration.down(olderVersion, state);
      }

      @Override
      public Map<String, Object> backward(Map<String, Object> state) {
        return upgrade ? migration.down(olderVersion, state) : migration.up(olderVersion, state);
      }

      @Override
      public String describeForward() {
        return upgrade ? up : down;
      }

      @Override
      public String describeBackward() {
        return upgrade ? down : up;
      }
    };
  }
}

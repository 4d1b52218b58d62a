package dev.molt.services.update;

import dev.molt.api.StateMigration;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * Finds and constructs a service's {@link StateMigration}, the newer version's: an {@code update}
 * names it in the relup; a {@code restart_application} that carries state uses the convention
 * ({@code <Impl>Migration} beside the implementation). Never initializes the class before it is
 * constructed.
 */
public final class Migrations {
  private Migrations() {}

  /**
   * Loads {@code migrationClass} from {@code loader} and constructs it.
   *
   * @param olderVersion the older of the two versions (the {@code from} of {@code up}, the {@code
   *     to} of {@code down})
   * @param upgrade true when the state moves to the newer version
   * @throws IllegalArgumentException when the class is not a {@link StateMigration}
   * @throws IllegalStateException when its constructor throws (as cause)
   */
  public static Migrator load(String migrationClass, ClassLoader loader, String olderVersion,
      boolean upgrade) throws ReflectiveOperationException {
    Class<?> type = Class.forName(migrationClass, false, loader);
    if (!StateMigration.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(type.getName() + " does not implement "
          + StateMigration.class.getName());
    }
    StateMigration migration;
    try {
      migration = (StateMigration) type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the constructor of " + type.getName() + " threw "
          + e.getCause(), e.getCause());
    }
    return Migrator.of(migration, olderVersion, upgrade);
  }

  /**
   * The migration of {@code implementation} by the convention, {@code <implementation>Migration}
   * in {@code loader} (the newer version's), or empty when that version has none.
   */
  public static Optional<Migrator> conventional(String implementation, ClassLoader loader,
      String olderVersion, boolean upgrade) throws ReflectiveOperationException {
    String name = implementation + "Migration";
    try {
      Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
    return Optional.of(load(name, loader, olderVersion, upgrade));
  }
}

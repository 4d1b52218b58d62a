package dev.molt.appup.plan;

import dev.molt.appup.diff.ClassFiles;
import dev.molt.appup.diff.ClassInfo;
import dev.molt.appup.error.CorruptClassException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The service and migration conventions of {@code dev.molt.api}: a service is a class that
 * implements {@code StatefulService} (directly, through its superclasses or through interfaces of
 * the app); the migration of service {@code a.Foo} is {@code a.FooMigration}, implementing
 * {@code StateMigration}.
 */
final class Services {
  static final String STATEFUL_SERVICE = "dev.molt.api.StatefulService";
  static final String STATE_MIGRATION = "dev.molt.api.StateMigration";

  private Services() {}

  static boolean isStatefulService(ClassFiles files, String className) throws CorruptClassException {
    return implementsType(files, className, STATEFUL_SERVICE);
  }

  /** The migration class of {@code service} in {@code newer}, if the app provides one. */
  static Optional<String> migrationOf(ClassFiles newer, String service) throws CorruptClassException {
    String candidate = service + "Migration";
    return implementsType(newer, candidate, STATE_MIGRATION) ? Optional.of(candidate) : Optional.empty();
  }

  /** Walks superclasses and interfaces found in the app; types outside it end the walk. */
  static boolean implementsType(ClassFiles files, String className, String type)
      throws CorruptClassException {
    Deque<String> todo = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    todo.add(className);
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (!seen.add(name)) {
        continue;
      }
      Optional<ClassInfo> info = files.info(name);
      if (info.isEmpty()) {
        continue;
      }
      if (info.get().interfaces().contains(type)) {
        return true;
      }
      info.get().superName().ifPresent(todo::add);
      todo.addAll(info.get().interfaces());
    }
    return false;
  }
}

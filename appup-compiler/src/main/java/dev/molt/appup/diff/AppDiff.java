package dev.molt.appup.diff;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The class-level differences of one app between two versions. When the app's jars are identical
 * by SHA-256 no class was read: {@link #changes()} is empty and the class files are absent.
 *
 * @param changes changed, added and removed classes, sorted by name
 * @param unchangedClasses how many classes are the same in both versions
 * @param changedResources resources (outside {@code META-INF/}) added, removed or changed, sorted
 * @param from the older version's classes, when read
 * @param to the newer version's classes, when read
 */
public record AppDiff(String app, String fromVersion, String toVersion, List<ClassChange> changes,
    int unchangedClasses, List<String> changedResources, Optional<ClassFiles> from,
    Optional<ClassFiles> to) {

  public AppDiff {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(fromVersion, "fromVersion");
    Objects.requireNonNull(toVersion, "toVersion");
    changes = List.copyOf(changes);
    changedResources = List.copyOf(changedResources);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /** The changes of one kind. */
  public List<ClassChange> of(ChangeKind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }

  /** True when no class or resource differs. */
  public boolean isEmpty() {
    return changes.isEmpty() && changedResources.isEmpty();
  }
}

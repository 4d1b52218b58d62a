package dev.molt.appup.diff;

import java.util.List;
import java.util.Objects;

/**
 * One changed class of an app, from the older version to the newer one.
 *
 * @param className binary name ({@code a.b.Outer$Inner})
 * @param kind how it changed
 * @param changedMethods methods whose body changed, as {@code name(descriptor)}, sorted
 * @param staticInitializerChanged whether {@code <clinit>} was added, removed or changed: redefine
 *     would not run it again
 * @param reasons what makes a structural change structural, one line each (empty otherwise)
 * @param addedFields fields only in the newer version, as {@code name:descriptor}
 * @param removedFields fields only in the older version, as {@code name:descriptor}
 */
public record ClassChange(
    String className,
    ChangeKind kind,
    List<String> changedMethods,
    boolean staticInitializerChanged,
    List<String> reasons,
    List<String> addedFields,
    List<String> removedFields) {

  public ClassChange {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(kind, "kind");
    changedMethods = List.copyOf(changedMethods);
    reasons = List.copyOf(reasons);
    addedFields = List.copyOf(addedFields);
    removedFields = List.copyOf(removedFields);
  }

  /** An added or removed class. */
  static ClassChange presence(String className, ChangeKind kind) {
    return new ClassChange(className, kind, List.of(), false, List.of(), List.of(), List.of());
  }
}

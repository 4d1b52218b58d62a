package dev.molt.appup.diff;

/** How one class differs between two versions of an app. */
public enum ChangeKind {
  /** Only method bodies differ: {@code redefine} can swap it in place. */
  BODY_ONLY,
  /** Fields, signatures, modifiers, hierarchy or annotations differ: needs a new loader. */
  STRUCTURAL,
  /** Only in the newer version. */
  ADDED,
  /** Only in the older version. */
  REMOVED
}

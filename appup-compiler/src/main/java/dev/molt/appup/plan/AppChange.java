package dev.molt.appup.plan;

/** What happens to one app between two releases. */
public enum AppChange {
  /** Same version, same jars (it may still restart because a dependency does). */
  UNCHANGED,
  /** Present in both releases at different versions. */
  CHANGED,
  /** Only in the newer release. */
  ADDED,
  /** Only in the older release. */
  REMOVED
}

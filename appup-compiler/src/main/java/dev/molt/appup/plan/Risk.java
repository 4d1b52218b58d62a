package dev.molt.appup.plan;

/** How much a step can disturb the running node, lowest first. */
public enum Risk {
  /** Code swapped in place; identity and state untouched. */
  LOW,
  /** A service pauses and its state is migrated; or an app is added or removed. */
  MEDIUM,
  /** In-memory state is lost or calls fail while something restarts. */
  HIGH
}

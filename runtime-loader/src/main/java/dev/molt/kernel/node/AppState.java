package dev.molt.kernel.node;

/** Where one application of a node is in its life. Libraries stay {@link #LOADED}. */
public enum AppState {
  /** Its class loader exists; it has not been started (or it is a library). */
  LOADED,
  /** Its entry point is being called. */
  STARTING,
  /** Started: {@code start} returned, or its {@code main} thread is running. */
  RUNNING,
  /** Its {@code stop} is being called. */
  STOPPING,
  /** Stopped, or (for a {@code main} app) no longer tracked by the node. */
  STOPPED,
  /** Its start threw, or its {@code main} ended with an exception. */
  FAILED
}

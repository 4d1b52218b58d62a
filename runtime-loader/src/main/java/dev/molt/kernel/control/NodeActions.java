package dev.molt.kernel.control;

import dev.molt.kernel.node.KernelException;

/**
 * What the control channel asks of the node's life cycle (implemented by the kernel's boot).
 * Thread-safe.
 */
public interface NodeActions {
  /** True once every app has started and the pid file is written (what {@code ping} reports). */
  boolean started();

  /** Stops the apps and exits the JVM with 0, on another thread: the caller returns first. */
  void stopAndExit();

  /**
   * Stops every app in reverse order and starts them again, in this JVM with the same class
   * loaders (Distillery's {@code restart}).
   *
   * @return a one-line summary
   * @throws KernelException when an app fails to stop or start; the message says what state
   *     the node is left in
   */
  String restartApps() throws KernelException;
}

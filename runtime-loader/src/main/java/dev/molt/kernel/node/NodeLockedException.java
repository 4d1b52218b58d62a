package dev.molt.kernel.node;

/** Another node of the same release root runs or boots: it holds the root's node lock. */
public final class NodeLockedException extends KernelException {
  private static final long serialVersionUID = 1L;

  public NodeLockedException(String message) {
    super(message);
  }
}

package dev.molt.kernel.node;

/** An app's callback did not return within the node's {@link CallbackDeadline}. */
public final class CallbackOverrunException extends KernelException {
  private static final long serialVersionUID = 1L;

  public CallbackOverrunException(String message) {
    super(message);
  }
}

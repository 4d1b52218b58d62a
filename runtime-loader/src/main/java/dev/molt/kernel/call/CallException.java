package dev.molt.kernel.call;

import dev.molt.kernel.node.KernelException;

/**
 * An {@code rpc}/{@code eval} target that cannot be called: the class or method does not exist,
 * is not public and static, or an argument does not convert. The message names the target and
 * what to do; nothing of the app ran.
 */
public class CallException extends KernelException {
  private static final long serialVersionUID = 1L;

  public CallException(String message) {
    super(message);
  }

  public CallException(String message, Throwable cause) {
    super(message, cause);
  }
}

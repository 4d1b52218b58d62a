package dev.molt.kernel.node;

/**
 * {@code config.json} is invalid, or a value refers to an environment variable that is not set and
 * has no default.
 */
public final class ConfigException extends KernelException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}

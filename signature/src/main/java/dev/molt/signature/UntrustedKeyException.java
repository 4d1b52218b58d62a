package dev.molt.signature;

/** A signature was made by a key that is not among the trusted keys. */
public class UntrustedKeyException extends SigningException {
  private static final long serialVersionUID = 1L;

  public UntrustedKeyException(String message) {
    super(message);
  }

  public UntrustedKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}

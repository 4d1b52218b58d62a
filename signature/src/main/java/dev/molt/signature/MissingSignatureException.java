package dev.molt.signature;

/** A file that must be signed has no signature file beside it. */
public class MissingSignatureException extends SigningException {
  private static final long serialVersionUID = 1L;

  public MissingSignatureException(String message) {
    super(message);
  }

  public MissingSignatureException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.molt.appup.error;

/**
 * The key to sign an upgrade package with cannot be used (missing, encrypted, malformed, not
 * Ed25519), or the signature could not be written. Nothing is written then.
 */
public class SigningKeyException extends AppupException {
  private static final long serialVersionUID = 1L;

  public SigningKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}

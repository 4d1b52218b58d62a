package dev.molt.signature;

/** A signature does not match the signed file: the file or the signature was changed after signing. */
public class BadSignatureException extends SigningException {
  private static final long serialVersionUID = 1L;

  public BadSignatureException(String message) {
    super(message);
  }

  public BadSignatureException(String message, Throwable cause) {
    super(message, cause);
  }
}

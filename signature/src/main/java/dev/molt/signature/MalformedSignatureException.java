package dev.molt.signature;

/** A signature file is not an armored SSHSIG signature Molt can read (truncated, corrupt, another algorithm). */
public class MalformedSignatureException extends SigningException {
  private static final long serialVersionUID = 1L;

  public MalformedSignatureException(String message) {
    super(message);
  }

  public MalformedSignatureException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.molt.signature;

/** A key file (public key line or OpenSSH private key) is malformed, of another key type than ssh-ed25519, or cannot be read or written. */
public class KeyFileException extends SigningException {
  private static final long serialVersionUID = 1L;

  public KeyFileException(String message) {
    super(message);
  }

  public KeyFileException(String message, Throwable cause) {
    super(message, cause);
  }
}

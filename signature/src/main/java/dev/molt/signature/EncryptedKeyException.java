package dev.molt.signature;

/** A private key file is protected by a passphrase: Molt reads only unencrypted keys. */
public class EncryptedKeyException extends KeyFileException {
  private static final long serialVersionUID = 1L;

  public EncryptedKeyException(String message) {
    super(message);
  }

  public EncryptedKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}

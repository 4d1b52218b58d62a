package dev.molt.signature;

/**
 * A key or signature could not be read, written or verified. Subclasses name the cause; every
 * message names the file involved and what to do about it.
 */
public class SigningException extends Exception {
  private static final long serialVersionUID = 1L;

  public SigningException(String message) {
    super(message);
  }

  public SigningException(String message, Throwable cause) {
    super(message, cause);
  }
}

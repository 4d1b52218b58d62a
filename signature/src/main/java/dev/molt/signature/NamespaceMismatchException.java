package dev.molt.signature;

/** A signature was made for another namespace (another purpose) than the one expected. */
public class NamespaceMismatchException extends SigningException {
  private static final long serialVersionUID = 1L;

  public NamespaceMismatchException(String message) {
    super(message);
  }

  public NamespaceMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}

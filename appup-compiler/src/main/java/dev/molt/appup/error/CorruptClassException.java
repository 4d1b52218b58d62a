package dev.molt.appup.error;

/** A jar of a release, or a class file inside it, cannot be read; the message names app, jar and entry. */
public class CorruptClassException extends AppupException {
  private static final long serialVersionUID = 1L;

  public CorruptClassException(String message, Throwable cause) {
    super(message, cause);
  }
}

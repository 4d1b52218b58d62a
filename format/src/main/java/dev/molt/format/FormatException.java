package dev.molt.format;

/**
 * A Molt file (release.json, RELEASES.json, ...) could not be read or is not valid. The message
 * names the file, the offending field and what to do about it.
 */
public class FormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public FormatException(String message) {
    super(message);
  }

  public FormatException(String message, Throwable cause) {
    super(message, cause);
  }
}

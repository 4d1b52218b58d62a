package dev.molt.archive;

/**
 * An archive could not be extracted. The message names the archive, the entry when one is at
 * fault, and what to do about it. When this is thrown, the target directory does not exist and
 * nothing was left behind.
 */
public class ArchiveException extends Exception {
  private static final long serialVersionUID = 1L;

  public ArchiveException(String message) {
    super(message);
  }

  public ArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}

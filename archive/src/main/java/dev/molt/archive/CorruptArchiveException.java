package dev.molt.archive;

/** The file is not a readable .tar.gz: not gzip, truncated, or a damaged tar stream. */
public class CorruptArchiveException extends ArchiveException {
  private static final long serialVersionUID = 1L;

  public CorruptArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}

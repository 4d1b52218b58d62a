package dev.molt.archive;

/** An entry, the entry count or the total size passes a limit of the {@link ExtractRequest}. */
public class ArchiveTooLargeException extends ArchiveException {
  private static final long serialVersionUID = 1L;

  public ArchiveTooLargeException(String message) {
    super(message);
  }
}

package dev.molt.archive;

/**
 * An entry would write outside the target, write through a link, or is of a kind Molt never
 * packs (hard link, device, fifo, duplicate): the archive is refused as a whole.
 */
public class UnsafeEntryException extends ArchiveException {
  private static final long serialVersionUID = 1L;

  public UnsafeEntryException(String message) {
    super(message);
  }
}

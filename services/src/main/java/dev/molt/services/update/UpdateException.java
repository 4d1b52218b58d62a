package dev.molt.services.update;

import dev.molt.services.ServiceException;

/** An update of a service (or its undo) failed; the message says what, and what serves now. */
public final class UpdateException extends ServiceException {
  private static final long serialVersionUID = 1L;

  UpdateException(String message, Throwable cause) {
    super(message, cause);
  }
}

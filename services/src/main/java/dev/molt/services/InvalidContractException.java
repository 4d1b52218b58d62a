package dev.molt.services;

/** A class that cannot be a contract: not an interface, sealed, or closed to this module. */
public final class InvalidContractException extends ServiceException {
  private static final long serialVersionUID = 1L;

  public InvalidContractException(String message) {
    super(message);
  }

  public InvalidContractException(String message, Throwable cause) {
    super(message, cause);
  }
}

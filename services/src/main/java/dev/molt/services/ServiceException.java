package dev.molt.services;

/** The base of every failure this module reports; the message says what failed and the remedy. */
public class ServiceException extends Exception {
  private static final long serialVersionUID = 1L;

  public ServiceException(String message) {
    super(message);
  }

  public ServiceException(String message, Throwable cause) {
    super(message, cause);
  }
}

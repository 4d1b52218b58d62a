package dev.molt.appup.error;

/** A request to the compiler is incomplete or contradictory, e.g. an upgrade package with no earlier release. */
public class InvalidRequestException extends AppupException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}

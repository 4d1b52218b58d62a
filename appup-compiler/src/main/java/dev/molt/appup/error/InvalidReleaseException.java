package dev.molt.appup.error;

/**
 * A release given as input cannot be used: missing or invalid {@code release.json}, a tarball
 * that is not a release, two releases of different names, versions in the wrong order, an app
 * whose code changed without a new version.
 */
public class InvalidReleaseException extends AppupException {
  private static final long serialVersionUID = 1L;

  public InvalidReleaseException(String message) {
    super(message);
  }

  public InvalidReleaseException(String message, Throwable cause) {
    super(message, cause);
  }
}

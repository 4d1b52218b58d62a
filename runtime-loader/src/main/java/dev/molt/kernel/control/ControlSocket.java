package dev.molt.kernel.control;

import java.nio.file.Path;

/**
 * Where a release's control socket lives: {@code -Dmolt.control.socket} when {@code bin/<name>}
 * passes it (it picks a short path under {@code /tmp} when the release root is too long for a
 * Unix socket), else {@code <root>/tmp/<name>.sock}.
 */
public final class ControlSocket {
  /** The system property {@code bin/<name>} sets to the socket path. */
  public static final String PROPERTY = "molt.control.socket";

  private ControlSocket() {}

  public static Path of(Path root, String releaseName) {
    String given = System.getProperty(PROPERTY, "");
    return given.isBlank() ? root.resolve("tmp").resolve(releaseName + ".sock") : Path.of(given);
  }
}

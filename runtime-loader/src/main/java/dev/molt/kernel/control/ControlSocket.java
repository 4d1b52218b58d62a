package dev.molt.kernel.control;

import dev.molt.control.SocketAccessDeniedException;
import dev.molt.control.SocketDirectory;
import dev.molt.kernel.node.KernelException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where a release's control socket lives: {@code -Dmolt.control.socket} when {@code bin/<name>}
 * passes it (it picks a private directory under {@code $XDG_RUNTIME_DIR} or {@code $TMPDIR} when
 * the release root is too long for a Unix socket), else {@code <root>/tmp/<name>.sock}.
 */
public final class ControlSocket {
  /** The system property {@code bin/<name>} sets to the socket path. */
  public static final String PROPERTY = "molt.control.socket";

  private ControlSocket() {}

  public static Path of(Path root, String releaseName) {
    String given = System.getProperty(PROPERTY, "");
    return given.isBlank() ? root.resolve("tmp").resolve(releaseName + ".sock") : Path.of(given);
  }

  /**
   * A socket outside the release's {@code tmp/} needs a directory of its own: made here with mode
   * 0700 when missing, and refused when it is a link, another user's, or open to others, checked
   * without following links (another user may have planted it before the node started).
   */
  static void prepare(Path root, Path socket) throws KernelException {
    Path dir = socket.toAbsolutePath().getParent();
    if (dir.equals(root.resolve("tmp"))) {
      return;
    }
    try {
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------")));
      }
    } catch (FileAlreadyExistsException e) {
      // made meanwhile: checked below like any other
    } catch (IOException | UnsupportedOperationException e) {
      throw new KernelException("cannot create " + dir + " for the control socket (" + e + ");"
          + " make its parent writable, or set XDG_RUNTIME_DIR", e);
    }
    try {
      SocketDirectory.checkPrivate(dir);
    } catch (SocketAccessDeniedException e) {
      throw new KernelException(e.getMessage(), e);
    }
  }
}

package dev.molt.control;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Optional;

/**
 * Checks that a control socket's directory cannot hold an impostor: it is a directory, not a
 * symbolic link, owned by this user, and (checked without following links) nobody else may
 * write in it ({@link #checkWritableOnlyByUs}) or use it at all ({@link #checkPrivate}). A
 * client that connected to a socket another user planted would hand that user its answer to
 * the node's challenge.
 */
public final class SocketDirectory {
  private SocketDirectory() {}

  /** For a private directory made for the socket: ours, not a link, mode 0700. */
  public static void checkPrivate(Path dir) throws SocketAccessDeniedException {
    Optional<PosixFileAttributes> a = checkOurs(dir);
    if (a.isPresent() && FileOwnership.grants(a.get(), FileOwnership.OTHERS)) {
      throw new SocketAccessDeniedException(dir + ", the directory of the control socket, is open to"
          + " other users; it must have mode 0700: remove it (bin/<name> makes it again)");
    }
  }

  /** For the directory of the socket a client is about to use: ours, not a link, not writable by others. */
  public static void checkWritableOnlyByUs(Path dir) throws SocketAccessDeniedException {
    Optional<PosixFileAttributes> a = checkOurs(dir);
    if (a.isPresent() && FileOwnership.grants(a.get(), FileOwnership.OTHERS_WRITE)) {
      throw new SocketAccessDeniedException(dir + ", the directory of the control socket, is"
          + " writable by other users, who could put an impostor socket there; run chmod 0700 " + dir);
    }
  }

  /** The directory's attributes once checked; empty when it is missing or has none to check. */
  private static Optional<PosixFileAttributes> checkOurs(Path dir) throws SocketAccessDeniedException {
    Optional<PosixFileAttributes> attributes;
    try {
      attributes = FileOwnership.of(dir);
    } catch (IOException e) {
      return Optional.empty(); // missing: there is no socket to trust either; connecting says so
    }
    if (attributes.isEmpty()) {
      return attributes;
    }
    PosixFileAttributes a = attributes.get();
    if (a.isSymbolicLink() || !a.isDirectory()) {
      throw new SocketAccessDeniedException(dir + ", the directory of the control socket, is "
          + (a.isSymbolicLink() ? "a symbolic link" : "not a directory") + "; remove it, or set"
          + " XDG_RUNTIME_DIR to a directory of yours");
    }
    if (!FileOwnership.ownedByUs(a)) {
      throw new SocketAccessDeniedException(dir + ", the directory of the control socket, belongs to "
          + a.owner().getName() + ", not to you; remove it, or run as the user that owns the release");
    }
    return attributes;
  }
}

package dev.molt.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** The file system writes of an extraction, each failure reported with the archive it served. */
final class Writes {
  private Writes() {}

  static void directories(Path archive, Path dir) throws ArchiveException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw failed(archive, dir, e);
    }
  }

  static void symlink(Path archive, Path link, String target) throws ArchiveException {
    try {
      Files.createSymbolicLink(link, Path.of(target));
    } catch (IOException | UnsupportedOperationException e) {
      throw failed(archive, link, e);
    }
  }

  /** CREATE_NEW: fails rather than following a link or replacing a file. */
  static OutputStream create(Path archive, Path file) throws ArchiveException {
    try {
      return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw failed(archive, file, e);
    }
  }

  /** Keeps the executable bits of the entry's mode, within what the umask left readable. */
  static void executable(Path archive, Path file, int mode) throws ArchiveException {
    if ((mode & 0111) == 0) {
      return;
    }
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (view == null) {
        file.toFile().setExecutable(true);
        return;
      }
      Set<PosixFilePermission> perms = view.readAttributes().permissions();
      perms.add(PosixFilePermission.OWNER_EXECUTE);
      if ((mode & 0010) != 0 && perms.contains(PosixFilePermission.GROUP_READ)) {
        perms.add(PosixFilePermission.GROUP_EXECUTE);
      }
      if ((mode & 0001) != 0 && perms.contains(PosixFilePermission.OTHERS_READ)) {
        perms.add(PosixFilePermission.OTHERS_EXECUTE);
      }
      view.setPermissions(perms);
    } catch (IOException e) {
      throw failed(archive, file, e);
    }
  }

  private static ArchiveException failed(Path archive, Path path, Exception e) {
    return new ArchiveException(archive + ": cannot write " + path + " (" + e.getMessage()
        + "); check the free space and permissions there", e);
  }
}

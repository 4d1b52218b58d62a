package dev.molt.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** {@code tmp/<name>.pid}: written atomically once the apps run, removed on every stop. */
final class PidFile {
  private final Path file;
  private final PrintStream err;

  PidFile(Path file, PrintStream err) {
    this.file = file;
    this.err = err;
  }

  Path path() {
    return file;
  }

  void write() throws IOException {
    Path dir = file.getParent();
    if (!Files.isDirectory(dir)) {
      try {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        Files.createDirectories(dir);
      } catch (FileAlreadyExistsException e) {
        // created concurrently by bin/<name>; fine
      }
    }
    // Atomic (a reader sees the whole pid or no file) but not fsynced: after a crash the pid is
    // stale anyway, and an fsync of file and directory costs milliseconds on every boot.
    Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, ProcessHandle.current().pid() + "\n");
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      err.println("molt: cannot remove the pid file " + file + " (" + e + "); remove it by hand");
    }
    err.flush();
  }
}

package dev.molt.release;

import dev.molt.archive.Trees;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Moves a finished build into place and cleans up after a failed one. */
final class ReleaseDirs {
  private ReleaseDirs() {}

  /** Refuses to replace a release whose node is running: its files would vanish under it. */
  static void requireNotRunning(Path target, String name) throws ReleaseBuildException {
    Path pidFile = target.resolve("tmp").resolve(name + ".pid");
    try {
      if (Files.isRegularFile(pidFile)) {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          throw new ReleaseBuildException("the release in " + target + " is running (pid " + pid
              + "); stop it first with " + target.resolve("bin/" + name) + " stop");
        }
      }
    } catch (IOException | NumberFormatException e) {
      // An unreadable or garbled pid file belongs to no running node: the release may be replaced.
    }
  }

  /**
   * Puts {@code staging} at {@code target}. An existing release there is moved aside first and
   * only deleted once the new one is in place; its {@code var/} (application data, logs) moves
   * into the new release.
   */
  static void replace(Path staging, Path target) throws IOException {
    Optional<Path> old = Optional.empty();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      Path aside = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
      Files.delete(aside);
      move(target, aside);
      old = Optional.of(aside);
      if (Files.isDirectory(aside.resolve("var"))) {
        move(aside.resolve("var"), staging.resolve("var"));
      }
    }
    try {
      move(staging, target);
    } catch (IOException e) {
      if (old.isPresent()) {
        if (Files.isDirectory(staging.resolve("var"))) {
          move(staging.resolve("var"), old.get().resolve("var"));
        }
        move(old.get(), target);
      }
      throw e;
    }
    if (old.isPresent()) {
      deleteTree(old.get());
    }
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a tree without following symlinks (dev releases link to the user's jars). */
  static void deleteTree(Path root) throws IOException {
    Trees.deleteRecursively(root);
  }
}

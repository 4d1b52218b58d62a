package dev.molt.upgrade.unpack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A sequence of atomic renames within one file system, undone in reverse on failure. A rename
 * moves a link as a link: nothing is followed, nothing is copied.
 */
final class Moves {
  private final Deque<Path[]> done = new ArrayDeque<>();

  /** Renames {@code from} to {@code to}, which must not exist. */
  void move(Path from, Path to) throws IOException {
    if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(to + " appeared meanwhile");
    }
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    done.push(new Path[] {from, to});
  }

  /** Renames everything back, most recent first; failures are added to {@code cause}. */
  void undo(Exception cause) {
    while (!done.isEmpty()) {
      Path[] m = done.pop();
      try {
        Files.move(m[1], m[0], StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
  }
}

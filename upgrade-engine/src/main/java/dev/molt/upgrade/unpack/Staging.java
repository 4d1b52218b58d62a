package dev.molt.upgrade.unpack;

import dev.molt.archive.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scratch directories of unpack, remove and restore: {@code releases/.unpack-*} and
 * {@code releases/.remove-*}, on the release root's file system so that moving in and out is a
 * rename. Deleted when the command ends, whatever happened.
 */
final class Staging {
  private Staging() {}

  static Path create(Path root, String prefix) throws IOException {
    return Files.createTempDirectory(root.resolve("releases"), prefix);
  }

  /** Deletes {@code dir} (links deleted, never followed); a failure is not the command's. */
  static void delete(Path dir) {
    try {
      Trees.deleteRecursively(dir);
    } catch (IOException e) {
      System.err.println("molt: cannot delete the scratch directory " + dir + " (" + e
          + "); delete it by hand");
    }
  }
}

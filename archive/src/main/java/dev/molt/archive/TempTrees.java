package dev.molt.archive;

import java.io.IOException;
import java.nio.file.Path;

/** Removes a partly extracted tree; links are removed, never followed. */
final class TempTrees {
  private TempTrees() {}

  static void delete(Path dir, Exception primary) {
    try {
      Trees.deleteRecursively(dir);
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }
}

package dev.molt.archive;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Removes a partly extracted tree; links are removed, never followed. */
final class TempTrees {
  private TempTrees() {}

  static void delete(Path dir, Exception primary) {
    try {
      if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
      }
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }
}

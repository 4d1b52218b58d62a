package dev.molt.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The front door: extracts a {@code .tar.gz} that may come from anywhere (a remote repository, a
 * user's download) into a new directory, refusing anything that could write outside it.
 *
 * <p>The tree is written into a fresh temporary directory beside the target and moved into place
 * with one atomic rename, so the target either holds the whole archive or does not exist; on
 * any failure the temporary directory is removed. The rules (docs/archives.md): no absolute
 * paths, no {@code ..} segments, no duplicate entries, no hard links, devices or fifos, no entry
 * under a symbolic link, and symbolic links only to relative targets that stay inside the tree;
 * files keep their executable bit; the {@link Limits} cap sizes and counts.
 *
 * <p>Stateless and thread-safe; arguments are never null.
 */
public final class SafeExtractor {
  private SafeExtractor() {}

  /**
   * Extracts {@code request.archive()} into {@code request.target()}.
   *
   * @throws UnsafeEntryException an entry breaks a rule
   * @throws ArchiveTooLargeException a limit is passed
   * @throws CorruptArchiveException the file is not a readable .tar.gz
   * @throws ArchiveException the target exists or cannot be written
   */
  public static ExtractResult extract(ExtractRequest request) throws ArchiveException {
    Path target = request.target();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new ArchiveException(request.archive() + ": cannot extract into " + target
          + ": it already exists; remove it or choose a new directory");
    }
    Path tmp = temporaryBeside(request.archive(), target);
    try {
      List<ExtractedFile> files = new Extraction(request.archive(), tmp, request.limits()).run();
      moveIntoPlace(request.archive(), tmp, target);
      return new ExtractResult(target, files);
    } catch (ArchiveException | RuntimeException e) {
      TempTrees.delete(tmp, e);
      throw e;
    }
  }

  /** Beside the target, on the same file system, so the final move is one rename. */
  private static Path temporaryBeside(Path archive, Path target) throws ArchiveException {
    try {
      Path parent = Files.createDirectories(target.getParent());
      return Files.createTempDirectory(parent, "." + target.getFileName() + ".part-");
    } catch (IOException e) {
      throw new ArchiveException(archive + ": cannot create a directory beside " + target + " ("
          + e.getMessage() + "); check the permissions of " + target.getParent(), e);
    }
  }

  private static void moveIntoPlace(Path archive, Path tmp, Path target) throws ArchiveException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ArchiveException(archive + ": cannot move the extracted tree to " + target + " ("
          + e.getMessage() + "); remove " + target + " if something else created it meanwhile", e);
    }
  }
}

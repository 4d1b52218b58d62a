package dev.molt.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns a file and who else may use it, read without following links (a planted link must
 * not lend its target's attributes). Where the file system has no POSIX attributes, nothing can
 * be checked and every check passes.
 */
final class FileOwnership {
  static final Set<PosixFilePermission> OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
  static final Set<PosixFilePermission> OTHERS_WRITE = EnumSet.of(
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  private FileOwnership() {}

  /** The file's own attributes (never a link's target), or empty without POSIX attributes. */
  static Optional<PosixFileAttributes> of(Path file) throws IOException {
    try {
      return Optional.of(Files.readAttributes(file, PosixFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS));
    } catch (UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** True unless the owner is known to be another user than the one running this process. */
  static boolean ownedByUs(PosixFileAttributes attributes) {
    Optional<String> us = ProcessHandle.current().info().user();
    return us.isEmpty() || us.get().equals(attributes.owner().getName());
  }

  /** True when one of {@code permissions} is granted. */
  static boolean grants(PosixFileAttributes attributes, Set<PosixFilePermission> permissions) {
    return attributes.permissions().stream().anyMatch(permissions::contains);
  }
}

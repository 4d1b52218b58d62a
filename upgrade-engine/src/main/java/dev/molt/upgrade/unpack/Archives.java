package dev.molt.upgrade.unpack;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The archives a release keeps in {@code releases/<vsn>/}: the release tarball
 * {@code <name>-<vsn>.tar.gz} (molt:release puts it there; unpack keeps it) or, for a release
 * unpacked from an upgrade package, the package {@code <name>-<vsn>-upgrade.tar.gz}; each may
 * have its {@code .sig} and {@code .sha256} beside it.
 */
final class Archives {
  private Archives() {}

  static String tarballName(String name, String version) {
    return name + "-" + version + ".tar.gz";
  }

  static String packageName(String name, String version) {
    return name + "-" + version + "-upgrade.tar.gz";
  }

  /** Whether {@code file} is an archive of the release or its .sig / .sha256. */
  static boolean isArchiveFile(String name, String version, String file) {
    String base = file.endsWith(".sig") ? file.substring(0, file.length() - 4)
        : file.endsWith(".sha256") ? file.substring(0, file.length() - 7) : file;
    return base.startsWith(name + "-" + version) && base.endsWith(".tar.gz");
  }

  /**
   * The archive of {@code releases/<vsn>/}: the release tarball first, else the package, else
   * any other {@code <name>-<vsn>*.tar.gz} there (a tarball copied under another name).
   */
  static Optional<Path> find(Path root, String name, String version) {
    Path dir = root.resolve("releases").resolve(version);
    for (String candidate : new String[] {tarballName(name, version), packageName(name, version)}) {
      Path p = dir.resolve(candidate);
      if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(p);
      }
    }
    try {
      for (Path p : Unpacker.list(dir)) {
        String f = p.getFileName().toString();
        if (f.startsWith(name + "-" + version) && f.endsWith(".tar.gz")
            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          return Optional.of(p);
        }
      }
    } catch (dev.molt.upgrade.UpgradeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}

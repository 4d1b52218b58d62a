package dev.molt.appup.pack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One file of an upgrade package: its path in the tarball and either a file on disk or generated
 * bytes.
 */
record PackageEntry(String name, Optional<Path> file, Optional<byte[]> bytes, boolean executable) {
  static PackageEntry file(String name, Path file, boolean executable) {
    return new PackageEntry(name, Optional.of(file), Optional.empty(), executable);
  }

  static PackageEntry bytes(String name, byte[] bytes) {
    return new PackageEntry(name, Optional.empty(), Optional.of(bytes), false);
  }
}

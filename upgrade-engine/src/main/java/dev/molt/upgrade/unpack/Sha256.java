package dev.molt.upgrade.unpack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a file, lower-case hex, read in a stream. */
final class Sha256 {
  private Sha256() {}

  static String of(Path file) throws IOException {
    if (Files.isSymbolicLink(file)) {
      throw new IOException(file + " is a symbolic link, not a file");
    }
    return digest(file, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The SHA-256 of what {@code file} is, through a symbolic link: a dev release's jars are links
   * to the developer's build output, which the kernel's own check at boot reads the same way.
   */
  static String ofTarget(Path file) throws IOException {
    return digest(file);
  }

  private static String digest(Path file, LinkOption... options) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file, options)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}

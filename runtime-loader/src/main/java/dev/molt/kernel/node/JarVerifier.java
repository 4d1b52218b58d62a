package dev.molt.kernel.node;

import dev.molt.format.AppSpec;
import dev.molt.format.JarRef;
import dev.molt.format.ReleaseDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checks every application jar against the SHA-256 recorded in release.json, so that a jar edited,
 * truncated or swapped after the build stops the boot instead of running. The kernel's own jars
 * are not checked here: the JVM has already loaded them by the time this code runs, so a check
 * from inside would prove nothing (the release tarball's checksum covers them).
 */
final class JarVerifier {
  private JarVerifier() {}

  static void verify(Path root, ReleaseDescriptor release) throws JarMismatchException {
    MessageDigest sha256 = newDigest();
    byte[] buffer = new byte[1 << 16];
    for (AppSpec app : release.apps()) {
      for (JarRef jar : app.jars()) {
        String relative = app.dir() + "/" + jar.file();
        String actual = digest(root.resolve(relative), relative, release, sha256, buffer);
        if (!actual.equals(jar.sha256())) {
          throw new JarMismatchException(relative + " does not match release.json (sha256 "
              + actual + ", expected " + jar.sha256() + "); it was changed after the release was"
              + " built: " + restoreHint(release));
        }
      }
    }
  }

  private static String digest(Path file, String relative, ReleaseDescriptor release,
      MessageDigest sha256, byte[] buffer) throws JarMismatchException {
    sha256.reset();
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha256.update(buffer, 0, n);
      }
    } catch (NoSuchFileException e) {
      throw new JarMismatchException(relative + " is missing; " + restoreHint(release), e);
    } catch (IOException e) {
      throw new JarMismatchException(relative + " cannot be read (" + e.getMessage() + "); "
          + restoreHint(release), e);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static String restoreHint(ReleaseDescriptor release) {
    String tarball = release.name() + "-" + release.version() + ".tar.gz";
    return "restore it from the release tarball (" + tarball + ", also kept as releases/"
        + release.version() + "/" + tarball + ")";
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

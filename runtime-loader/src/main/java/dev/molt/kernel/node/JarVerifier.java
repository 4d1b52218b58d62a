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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every application jar against the SHA-256 recorded in release.json, so that a jar edited,
 * truncated or swapped after the build stops the boot instead of running. The kernel's own jars
 * are not checked here: the JVM has already loaded them by the time this code runs, so a check
 * from inside would prove nothing (the release tarball's checksum covers them).
 *
 * <p>A jar is hashed unless {@link JarStamps} shows it unchanged since it was last hashed and
 * found to match; {@code -Dmolt.verify.jars.rehash=true} hashes every jar at every boot.
 */
public final class JarVerifier {
  /** System property: hash every jar, ignoring the stamps of earlier checks. */
  static final String REHASH = "molt.verify.jars.rehash";

  private JarVerifier() {}

  /**
   * Checks the jars of every app of {@code release} under {@code root}.
   *
   * @throws JarMismatchException naming the first jar that is missing, unreadable or changed
   */
  public static void verify(Path root, ReleaseDescriptor release) throws JarMismatchException {
    verify(root, release, JarStamps.SETTLE_MILLIS);
  }

  /** As {@link #verify(Path, ReleaseDescriptor)}, stamping jars changed {@code settleMillis} ago. */
  static void verify(Path root, ReleaseDescriptor release, long settleMillis)
      throws JarMismatchException {
    Path stampFile = JarStamps.file(root, release.version());
    Set<String> known = Boolean.getBoolean(REHASH) ? Set.of() : JarStamps.read(stampFile);
    List<String> stamps = new ArrayList<>();
    boolean hashed = false;
    MessageDigest sha256 = null;
    byte[] buffer = new byte[1 << 16];
    for (AppSpec app : release.apps()) {
      for (JarRef jar : app.jars()) {
        String relative = app.dir().concat("/").concat(jar.file());
        Path file = root.resolve(relative);
        Optional<String> stamp = JarStamps.current(file, relative, jar.sha256());
        if (stamp.isPresent() && known.contains(stamp.get())) {
          stamps.add(stamp.get());
          continue;
        }
        long hashedAt = System.currentTimeMillis();
        sha256 = sha256 == null ? newDigest() : sha256;
        check(relative, digest(file, relative, release, sha256, buffer), jar, release);
        hashed = true;
        if (stamp.isPresent() && JarStamps.settled(file, hashedAt, settleMillis)) {
          stamps.add(stamp.get());
        }
      }
    }
    if (hashed) {
      JarStamps.write(stampFile, stamps);
    }
  }

  private static void check(String relative, String actual, JarRef jar, ReleaseDescriptor release)
      throws JarMismatchException {
    if (!actual.equals(jar.sha256())) {
      throw new JarMismatchException(relative + " does not match release.json (sha256 "
          + actual + ", expected " + jar.sha256() + "); it was changed after the release was"
          + " built: " + restoreHint(release));
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

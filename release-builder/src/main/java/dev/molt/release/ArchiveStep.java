package dev.molt.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Archives the release as a reproducible {@code <name>-<vsn>.tar.gz} with a {@code .sha256}
 * beside it, then keeps a copy in {@code releases/<vsn>/} for later downgrades. The tarball leaves
 * out {@code releases/COOKIE} (no secret in an artifact; every installation makes its own) and the
 * runtime's CDS archive (its bytes change from one jlink run to the next on JDK 17;
 * {@code bin/<name>} regenerates it at first start).
 */
final class ArchiveStep implements Step {
  /** 2026-01-01T00:00:00Z: entry time when SOURCE_DATE_EPOCH is not set. */
  static final long DEFAULT_MTIME = 1767225600L;
  private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> READABLE =
      java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

  @Override
  public boolean applies(BuildContext c) {
    return !c.env.devMode();
  }

  @Override
  public String describe(BuildContext c) {
    return "Archiving " + c.tarballPath().getFileName();
  }

  @Override
  public void run(BuildContext c) throws ReleaseBuildException, IOException {
    Path tarball = c.tarballPath();
    Files.createDirectories(tarball.getParent());
    Path tmp = Files.createTempFile(tarball.getParent(), "." + tarball.getFileName(), ".tmp");
    c.tarballTemp = java.util.Optional.of(tmp);
    Files.setPosixFilePermissions(tmp, READABLE); // temp files are 0600; artifacts are for everyone
    String vsnDir = "releases/" + c.version() + "/";
    new TarballWriter(mtime(), ArchiveStep::isExecutable, ArchiveStep::isExcluded)
        .write(c.staging, c.name(), tmp);
    Path sum = Files.createTempFile(tarball.getParent(), "." + tarball.getFileName(), ".sha256.tmp");
    c.checksumTemp = java.util.Optional.of(sum);
    Files.setPosixFilePermissions(sum, READABLE);
    Files.writeString(sum, Digests.sha256(tmp) + "  " + tarball.getFileName() + "\n");
    Files.copy(tmp, c.staging.resolve(vsnDir + tarball.getFileName()));
  }

  static boolean isExecutable(String rel) {
    return rel.startsWith("bin/") || rel.startsWith("runtime/bin/")
        || rel.equals("runtime/lib/jspawnhelper") || rel.equals("runtime/lib/jexec")
        || (rel.startsWith("releases/") && (rel.contains("/hooks/") || rel.contains("/commands/"))
            && rel.endsWith(".sh"));
  }

  static boolean isExcluded(String rel) {
    return rel.equals("releases/COOKIE")
        || (rel.startsWith("runtime/lib/server/") && rel.endsWith(".jsa"));
  }

  /** SOURCE_DATE_EPOCH (the reproducible-builds convention) when set, else a fixed date. */
  static long mtime() throws InvalidInputException {
    String env = System.getenv("SOURCE_DATE_EPOCH");
    if (env == null || env.isBlank()) {
      return DEFAULT_MTIME;
    }
    try {
      return Long.parseLong(env.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("SOURCE_DATE_EPOCH='" + env + "' is not a number of seconds; "
          + "set it to e.g. $(git log -1 --format=%ct) or unset it", e);
    }
  }
}

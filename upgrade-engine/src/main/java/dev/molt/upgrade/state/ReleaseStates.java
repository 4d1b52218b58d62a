package dev.molt.upgrade.state;

import dev.molt.format.FormatException;
import dev.molt.format.Formats;
import dev.molt.format.InstalledRelease;
import dev.molt.format.ReleaseState;
import dev.molt.format.ReleasesFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code releases/RELEASES.json} of one release root: reads it, and writes each change of state
 * atomically ({@link Formats#writeReleases}: temporary file, fsync, rename, fsync of the
 * directory), so a JVM killed at any moment leaves the old or the new file, never a torn one.
 * Callers serialize changes (the engine holds its one-upgrade-at-a-time lock).
 */
public final class ReleaseStates {
  private final Path file;

  public ReleaseStates(Path root) {
    this.file = root.resolve("releases").resolve("RELEASES.json");
  }

  public Path file() {
    return file;
  }

  public ReleasesFile read() throws FormatException {
    return Formats.readReleases(file);
  }

  /** Adds {@code version} as {@code unpacked}; does nothing when it is already listed. */
  public void registerUnpacked(String version) throws FormatException, IOException {
    ReleasesFile now = read();
    if (now.release(version).isPresent()) {
      return;
    }
    List<InstalledRelease> next = new ArrayList<>(now.releases());
    next.add(new InstalledRelease(version, ReleaseState.UNPACKED));
    write(new ReleasesFile(now.name(), next));
  }

  /**
   * The states after the node moved from {@code from} to {@code to} and the move committed:
   * {@code to} becomes permanent and {@code from} old; with {@code trial}, {@code to} becomes
   * current and the permanent release stays as it is.
   */
  public void commit(String from, String to, boolean trial) throws FormatException, IOException {
    ReleasesFile now = read();
    List<InstalledRelease> next = new ArrayList<>();
    for (InstalledRelease r : now.releases()) {
      next.add(new InstalledRelease(r.version(), stateAfterCommit(r, from, to, trial)));
    }
    if (now.release(to).isEmpty()) {
      next.add(new InstalledRelease(to, trial ? ReleaseState.CURRENT : ReleaseState.PERMANENT));
    }
    write(new ReleasesFile(now.name(), next));
  }

  private static ReleaseState stateAfterCommit(InstalledRelease r, String from, String to,
      boolean trial) {
    if (r.version().equals(to)) {
      return trial ? ReleaseState.CURRENT : ReleaseState.PERMANENT;
    }
    if (trial) {
      // a trial keeps the permanent release; a release that was on trial before is left behind
      return r.state() == ReleaseState.CURRENT ? ReleaseState.UNPACKED : r.state();
    }
    if (r.state() == ReleaseState.PERMANENT || r.state() == ReleaseState.CURRENT
        || r.version().equals(from)) {
      return ReleaseState.OLD;
    }
    return r.state();
  }

  /** {@code version} (current) becomes permanent; the permanent one becomes old. */
  public void makePermanent(String version) throws FormatException, IOException {
    ReleasesFile now = read();
    List<InstalledRelease> next = new ArrayList<>();
    for (InstalledRelease r : now.releases()) {
      ReleaseState state = r.version().equals(version) ? ReleaseState.PERMANENT
          : r.state() == ReleaseState.PERMANENT ? ReleaseState.OLD : r.state();
      next.add(new InstalledRelease(r.version(), state));
    }
    write(new ReleasesFile(now.name(), next));
  }

  /** {@code version} goes back to {@code unpacked} (a release that failed its trial). */
  public void markUnpacked(String version) throws FormatException, IOException {
    ReleasesFile now = read();
    List<InstalledRelease> next = new ArrayList<>();
    for (InstalledRelease r : now.releases()) {
      next.add(r.version().equals(version) ? new InstalledRelease(version, ReleaseState.UNPACKED)
          : r);
    }
    write(new ReleasesFile(now.name(), next));
  }

  /** A {@code current} release other than {@code booted} goes back to {@code unpacked}. */
  public boolean demoteCurrentOtherThan(String booted) throws FormatException, IOException {
    ReleasesFile now = read();
    boolean changed = false;
    List<InstalledRelease> next = new ArrayList<>();
    for (InstalledRelease r : now.releases()) {
      boolean demote = r.state() == ReleaseState.CURRENT && !r.version().equals(booted);
      changed |= demote;
      next.add(demote ? new InstalledRelease(r.version(), ReleaseState.UNPACKED) : r);
    }
    if (changed) {
      write(new ReleasesFile(now.name(), next));
    }
    return changed;
  }

  private void write(ReleasesFile next) throws IOException {
    Formats.writeReleases(file, next);
  }
}

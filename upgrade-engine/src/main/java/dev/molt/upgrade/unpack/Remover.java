package dev.molt.upgrade.unpack;

import dev.molt.format.FormatException;
import dev.molt.format.Formats;
import dev.molt.format.InstalledRelease;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.ReleaseState;
import dev.molt.format.ReleasesFile;
import dev.molt.upgrade.ExitCodes;
import dev.molt.upgrade.UpgradeException;
import dev.molt.upgrade.state.ReleaseStates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code remove}: takes an {@code old} or {@code unpacked} release off the node, with the
 * lib/ directories that no other installed release and no live loader uses. The directories are
 * first renamed into a scratch directory, then RELEASES.json is written without the release,
 * then the scratch directory is deleted; a failure before the write renames everything back.
 * Links are moved and deleted, never followed. Callers hold the engine's lock.
 */
final class Remover {
  private final Path root;
  private final String name;
  private final String running;
  private final Set<String> liveDirs;

  /** {@code liveDirs}: the lib/ directories the running node's loaders read ({@code lib/x}). */
  Remover(Path root, String name, String running, Set<String> liveDirs) {
    this.root = root;
    this.name = name;
    this.running = running;
    this.liveDirs = Set.copyOf(liveDirs);
  }

  List<String> remove(String version) throws UpgradeException {
    ReleaseStates states = new ReleaseStates(root);
    ReleasesFile now;
    try {
      now = states.read();
    } catch (FormatException e) {
      throw new UpgradeException(ExitCodes.FAILURE, e.getMessage(), List.of(), e);
    }
    InstalledRelease release = now.release(version).orElseThrow(() -> refused(version + " is not"
        + " installed (bin/" + name + " releases lists the installed releases)"));
    if (version.equals(running)) {
      throw refused(name + " " + version + " is the release the node runs; move the node to"
          + " another release first (bin/" + name + " upgrade|downgrade <vsn>), then remove it");
    }
    if (release.state() == ReleaseState.PERMANENT || release.state() == ReleaseState.CURRENT) {
      throw refused(name + " " + version + " is " + release.state().json() + ": the release"
          + (release.state() == ReleaseState.PERMANENT ? " bin/" + name + " start boots"
          : " on trial") + "; make another release permanent first (bin/" + name
          + " make_permanent <vsn>), then remove it");
    }
    Path releaseDir = root.resolve("releases").resolve(version);
    Set<String> libs = releaseDir.resolve("release.json").toFile().isFile()
        ? LibDirs.of(read(releaseDir.resolve("release.json"))) : Set.of();
    Set<String> used = new TreeSet<>(liveDirs);
    for (InstalledRelease other : now.releases()) {
      if (!other.version().equals(version)) {
        Path file = root.resolve("releases").resolve(other.version()).resolve("release.json");
        if (Files.isRegularFile(file)) {
          used.addAll(LibDirs.of(read(file)));
        }
      }
    }
    List<String> delete = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (String lib : libs) {
      requireInLib(lib);
      if (used.contains(lib)) {
        kept.add(lib);
      } else if (Files.exists(root.resolve(lib), LinkOption.NOFOLLOW_LINKS)) {
        delete.add(lib);
      }
    }
    Path trash = scratch();
    try {
      Moves moves = new Moves();
      try {
        if (Files.exists(releaseDir, LinkOption.NOFOLLOW_LINKS)) {
          moves.move(releaseDir, trash.resolve("release"));
        }
        for (String lib : delete) {
          moves.move(root.resolve(lib), trash.resolve(lib.substring("lib/".length())));
        }
        List<InstalledRelease> next = new ArrayList<>(now.releases());
        next.removeIf(r -> r.version().equals(version));
        Formats.writeReleases(states.file(), new ReleasesFile(now.name(), next));
      } catch (IOException | RuntimeException e) {
        moves.undo(e);
        throw new UpgradeException(ExitCodes.FAILURE, "remove " + version + " failed (" + e
            + "); every move was undone and nothing was changed: check the permissions of "
            + root, List.of(), e);
      }
    } finally {
      Staging.delete(trash);
    }
    List<String> out = new ArrayList<>();
    out.add("removed " + name + " " + version + ": releases/" + version + "/"
        + (delete.isEmpty() ? "" : ", " + String.join(", ", delete)));
    if (!kept.isEmpty()) {
      out.add("  kept (used by another release or the running node): " + String.join(", ", kept));
    }
    return out;
  }

  /**
   * A scratch directory {@code trash} of a remove that a dead JVM did not finish: when its
   * release is still in RELEASES.json (the removal was not committed) and not back in place,
   * renames its {@code releases/<vsn>/} and lib/ directories back where they were.
   *
   * @return whether {@code trash} may be deleted now (false when putting back failed)
   */
  static boolean putBackUncommitted(Path root, Path trash, java.io.PrintStream log) {
    Path release = trash.resolve("release");
    try {
      if (!Files.isRegularFile(release.resolve("release.json"), LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
      String version = Formats.readRelease(release.resolve("release.json")).version();
      Path target = root.resolve("releases").resolve(version);
      if (new ReleaseStates(root).read().release(version).isEmpty()
          || Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
      for (Path lib : Unpacker.list(trash)) {
        Path back = root.resolve("lib").resolve(lib.getFileName().toString());
        if (!lib.equals(release) && !Files.exists(back, LinkOption.NOFOLLOW_LINKS)) {
          Files.move(lib, back, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
      }
      Files.move(release, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      log.println("molt: put release " + version + " back from " + trash + ": its remove did not"
          + " finish");
      return true;
    } catch (IOException | FormatException | UpgradeException e) {
      log.println("molt: cannot put back what " + trash + " holds (" + e + "); left as it is");
      return false;
    }
  }

  private ReleaseDescriptor read(Path file) throws UpgradeException {
    try {
      return Formats.readRelease(file);
    } catch (FormatException e) {
      throw refused("cannot tell which lib/ directories are in use: " + e.getMessage()
          + "; repair that file (or remove its release first)");
    }
  }

  /** A release.json names directories {@code lib/<name>-<vsn>}; never anything else. */
  private void requireInLib(String lib) throws UpgradeException {
    Path p = root.resolve(lib).normalize();
    if (!p.getParent().equals(root.resolve("lib"))) {
      throw refused(lib + " is not a directory of " + root.resolve("lib"));
    }
  }

  private Path scratch() throws UpgradeException {
    try {
      return Staging.create(root, ".remove-");
    } catch (IOException e) {
      throw new UpgradeException(ExitCodes.FAILURE, "cannot create a scratch directory under "
          + root.resolve("releases") + " (" + e + "); nothing was changed", List.of(), e);
    }
  }

  private UpgradeException refused(String problem) {
    return new UpgradeException(ExitCodes.CHECK_FAILED, "remove refused; nothing was changed: "
        + problem, List.of());
  }
}

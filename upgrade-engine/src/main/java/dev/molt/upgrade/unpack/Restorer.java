package dev.molt.upgrade.unpack;

import dev.molt.archive.ArchiveException;
import dev.molt.archive.ExtractRequest;
import dev.molt.archive.SafeExtractor;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.upgrade.ExitCodes;
import dev.molt.upgrade.UpgradeException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts back the lib/ files of an installed release that are missing or changed, from the archive
 * it keeps in {@code releases/<vsn>/}: each damaged lib/ directory is replaced as a whole, by
 * renames, with the archive's copy once every jar of that copy matches release.json. Without an
 * archive the command is refused, naming the files. Callers hold the engine's lock.
 */
final class Restorer {
  private final Path root;
  private final String name;
  private final PrintStream log;

  Restorer(Path root, String name, PrintStream log) {
    this.root = root;
    this.name = name;
    this.log = log;
  }

  /** Returns what was restored, one line each; empty when every file was fine. */
  List<String> restore(String command, ReleaseDescriptor release) throws UpgradeException {
    List<String> bad;
    try {
      bad = Checksums.badJars(root, release, false);
    } catch (IOException e) {
      throw refused(command, release, "cannot read its lib/ files: " + e);
    }
    if (bad.isEmpty()) {
      return List.of();
    }
    String version = release.version();
    Path archive = Archives.find(root, name, version).orElseThrow(() -> refused(command, release,
        "these files of release " + version + " are missing or changed: " + String.join(", ", bad)
        + "; there is no archive " + Archives.tarballName(name, version) + " in releases/"
        + version + "/ to restore them from: copy the release tarball there (or the lib/"
        + " directories by hand) and run the command again"));
    Set<String> dirs = new TreeSet<>();
    bad.forEach(b -> dirs.add(b.substring(0, b.indexOf('/', "lib/".length()))));
    Path stage;
    try {
      stage = Staging.create(root, ".unpack-");
    } catch (IOException e) {
      throw refused(command, release, "cannot create a scratch directory under " + root
          + "/releases: " + e);
    }
    try {
      Path tree = stage.resolve("tree");
      try {
        SafeExtractor.extract(ExtractRequest.of(archive, tree));
      } catch (ArchiveException e) {
        throw refused(command, release, "its files " + String.join(", ", bad)
            + " need restoring, but the archive cannot be read: " + e.getMessage());
      }
      Path top = tree.resolve(name);
      List<String> problems = new ArrayList<>();
      for (String dir : dirs) {
        if (!Files.isDirectory(top.resolve(dir), LinkOption.NOFOLLOW_LINKS)) {
          problems.add(dir + " is not in " + archive.getFileName());
        }
      }
      try {
        List<String> stillBad = Checksums.badJars(top, release, true);
        stillBad.removeIf(b -> !dirs.contains(b.substring(0, b.indexOf('/', "lib/".length()))));
        stillBad.forEach(b -> problems.add(b + " in " + archive.getFileName()));
      } catch (IOException e) {
        problems.add(e.toString());
      }
      if (!problems.isEmpty()) {
        throw refused(command, release, "these files of release " + version + " are missing or"
            + " changed: " + String.join(", ", bad) + "; the archive " + archive + " cannot"
            + " restore them (" + String.join("; ", problems) + "): copy the release tarball "
            + Archives.tarballName(name, version) + " there and run the command again");
      }
      Moves moves = new Moves();
      try {
        for (String dir : dirs) {
          Path there = root.resolve(dir);
          if (Files.exists(there, LinkOption.NOFOLLOW_LINKS)) {
            moves.move(there, stage.resolve("damaged-" + there.getFileName()));
          }
          moves.move(top.resolve(dir), there);
        }
      } catch (IOException e) {
        moves.undo(e);
        throw new UpgradeException(ExitCodes.FAILURE, "cannot restore " + dirs + " of release "
            + version + " from " + archive + " (" + e + "); nothing was changed", List.of(), e);
      }
      List<String> out = new ArrayList<>();
      for (String dir : dirs) {
        String line = "restored " + dir + "/ of " + name + " " + version + " from releases/"
            + version + "/" + archive.getFileName();
        log.println("molt: " + line);
        out.add(line);
      }
      return out;
    } finally {
      Staging.delete(stage);
    }
  }

  private UpgradeException refused(String command, ReleaseDescriptor release, String problem) {
    return new UpgradeException(ExitCodes.CHECK_FAILED, command + " to " + release.version()
        + " refused; nothing was changed: " + problem, List.of());
  }
}

package dev.molt.upgrade.unpack;

import dev.molt.archive.ArchiveException;
import dev.molt.archive.ArchiveTooLargeException;
import dev.molt.archive.ExtractRequest;
import dev.molt.archive.Limits;
import dev.molt.archive.SafeExtractor;
import dev.molt.format.FormatException;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.Relup;
import dev.molt.format.UpgradeFormats;
import dev.molt.signature.Signatures;
import dev.molt.signature.SigningException;
import dev.molt.signature.SshPublicKey;
import dev.molt.upgrade.ExitCodes;
import dev.molt.upgrade.UpgradeException;
import dev.molt.upgrade.state.ReleaseStates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * One {@code unpack}: verifies an upgrade package or a whole release tarball, extracts it beside
 * the release's files, checks every file, and moves {@code releases/<vsn>/} and the missing
 * {@code lib/} directories into place by renames, then registers the release {@code unpacked}.
 * Any refusal or failure leaves the release root as it was. Callers hold the engine's lock.
 */
final class Unpacker {
  private final Path root;
  private final String name;
  private final String running;

  Unpacker(Path root, String name, String running) {
    this.root = root;
    this.name = name;
    this.running = running;
  }

  /**
   * Unpacks {@code file}.
   *
   * @param inPlace true when {@code file} lies in {@code releases/<vsn>/} already (copied there
   *     for an upgrade): that directory may then hold archives only, and is replaced
   * @param maxBytes the most bytes the extraction may write, when the operator set a limit
   */
  Unpacked unpack(Path file, boolean inPlace, OptionalLong maxBytes) throws UpgradeException {
    if (!Files.isRegularFile(file)) {
      throw refused(file + " is not a file; give the path of an upgrade package"
          + " (<name>-<vsn>-upgrade.tar.gz) or of a release tarball (<name>-<vsn>.tar.gz)");
    }
    Optional<SshPublicKey> signer = verifySignature(file);
    Optional<String> tarballSum = verifySidecarSum(file);
    Path stage = createStage();
    try {
      Path tree = stage.resolve("tree");
      extract(file, tree, maxBytes);
      Staged staged = inspect(file, tree);
      List<String> verified = verify(file, staged, tarballSum);
      refuseInstalled(file, staged.version(), inPlace);
      if (staged.isPackage()) {
        requireUpgradeFromRunning(file, staged);
      }
      List<String> rebuilt = new ArrayList<>();
      List<String> newLibs = newLibDirs(file, staged, rebuilt);
      Path releaseDir = staged.top().resolve("releases").resolve(staged.version());
      keepNodeJars(file, staged, releaseDir, rebuilt);
      String archived = archive(file, releaseDir, staged);
      Moves moves = new Moves();
      try {
        for (String lib : newLibs) {
          moves.move(staged.top().resolve(lib), root.resolve(lib));
        }
        Path target = root.resolve("releases").resolve(staged.version());
        if (inPlace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          moves.move(target, stage.resolve("replaced"));
        }
        moves.move(releaseDir, target);
        new ReleaseStates(root).registerUnpacked(staged.version());
      } catch (IOException | FormatException e) {
        moves.undo(e);
        throw new UpgradeException(ExitCodes.FAILURE, "unpack of " + file + " failed while moving"
            + " it into place (" + e + "); every move was undone and nothing was changed: check"
            + " the permissions and the file system of " + root + ", then run unpack again",
            List.of(), e);
      }
      List<String> kept = new ArrayList<>(LibDirs.of(staged.descriptor()));
      kept.removeAll(newLibs);
      if (!rebuilt.isEmpty()) {
        verified.add("the jars of " + String.join(", ", rebuilt) + " by content against the"
            + " node's (a rebuild: same entries, other times); release.json records the node's");
      }
      return new Unpacked(name, staged.version(), staged.isPackage(), signer, verified, newLibs,
          kept, archived);
    } finally {
      Staging.delete(stage);
    }
  }

  private Optional<SshPublicKey> verifySignature(Path file) throws UpgradeException {
    Path keys = root.resolve("releases").resolve(running).resolve("trusted-keys");
    try {
      List<SshPublicKey> trusted = Signatures.readTrustedKeys(keys);
      if (trusted.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(Signatures.verify(file, Signatures.signatureOf(file), trusted,
          Signatures.UPGRADE_PACKAGE_NAMESPACE));
    } catch (SigningException e) {
      throw refused("release " + running + " trusts the keys in " + keys + " and " + file
          + " is not signed by one of them: " + e.getMessage());
    }
  }

  /** {@code <file>.sha256} beside the file, when there is one: the file must match it. */
  private Optional<String> verifySidecarSum(Path file) throws UpgradeException {
    Path sidecar = file.resolveSibling(file.getFileName() + ".sha256");
    if (!Files.isRegularFile(sidecar)) {
      return Optional.empty();
    }
    try {
      Map<String, String> sums = Checksums.parse(Checksums.read(sidecar), sidecar.toString());
      String expected = sums.get(file.getFileName().toString());
      if (expected == null && sums.size() == 1) {
        expected = sums.values().iterator().next(); // renamed on the way, still the one file
      }
      if (expected == null) {
        throw refused(sidecar + " does not list " + file.getFileName() + "; take the file and"
            + " its .sha256 from the same build, or remove the stray .sha256");
      }
      String actual = Sha256.of(file);
      if (!actual.equals(expected)) {
        throw refused(file + " does not match " + sidecar + " (sha256 " + actual + ", expected "
            + expected + "): the file is damaged or incomplete; copy it again from the build");
      }
      return Optional.of(sidecar.getFileName().toString());
    } catch (IOException | IllegalArgumentException e) {
      throw refused("cannot check " + file + " against " + sidecar + ": " + e.getMessage()
          + "; copy both again from the build");
    }
  }

  private Path createStage() throws UpgradeException {
    try {
      return Staging.create(root, ".unpack-");
    } catch (IOException e) {
      throw new UpgradeException(ExitCodes.FAILURE, "cannot create a directory to unpack into"
          + " under " + root.resolve("releases") + " (" + e + "); check its permissions and free"
          + " space; nothing was changed", List.of(), e);
    }
  }

  private void extract(Path file, Path tree, OptionalLong maxBytes) throws UpgradeException {
    Limits limits = Limits.DEFAULTS;
    if (maxBytes.isPresent()) {
      long max = maxBytes.getAsLong();
      limits = new Limits(Math.min(max, limits.maxEntryBytes()), limits.maxEntries(), max);
    }
    try {
      SafeExtractor.extract(new ExtractRequest(file, tree, limits));
    } catch (ArchiveTooLargeException e) {
      throw refused(e.getMessage() + (maxBytes.isPresent() ? " (the limit is MOLT_UNPACK_MAX_BYTES="
          + maxBytes.getAsLong() + " of bin/" + name + " unpack: raise or unset it if the file is"
          + " expected to be that large)" : ""));
    } catch (ArchiveException e) {
      throw refused(e.getMessage());
    }
  }

  private Staged inspect(Path file, Path tree) throws UpgradeException {
    List<Path> tops = list(tree);
    if (tops.size() != 1 || !Files.isDirectory(tops.get(0), LinkOption.NOFOLLOW_LINKS)) {
      throw refused(file + " is not a Molt upgrade package or release tarball: its entries must"
          + " all lie under one directory <name>/; build it with molt:upgrade-package or"
          + " molt:release");
    }
    Path top = tops.get(0);
    String topName = top.getFileName().toString();
    if (!topName.equals(name)) {
      throw refused(file + " is for the release " + topName + ", and this node runs " + name
          + "; unpack it on a node of " + topName + ", or build the package of " + name);
    }
    List<Path> versions = new ArrayList<>();
    for (Path p : list(top.resolve("releases"))) {
      if (Files.isRegularFile(p.resolve("release.json"), LinkOption.NOFOLLOW_LINKS)) {
        versions.add(p);
      }
    }
    if (versions.size() != 1) {
      throw refused(file + " holds " + versions.size() + " releases/<vsn>/release.json files, not"
          + " one; build it again with molt:upgrade-package or molt:release");
    }
    Path releaseDir = versions.get(0);
    String version = releaseDir.getFileName().toString();
    ReleaseDescriptor descriptor;
    try {
      descriptor = Formats.readRelease(releaseDir.resolve("release.json"));
    } catch (FormatException e) {
      throw refused(file + ": " + e.getMessage());
    }
    if (!descriptor.name().equals(name)) {
      throw refused(file + " is for the release " + descriptor.name() + ", and this node runs "
          + name + "; unpack it on a node of " + descriptor.name());
    }
    if (!descriptor.version().equals(version)) {
      throw refused(file + ": releases/" + version + "/release.json is release "
          + descriptor.version() + "; build it again");
    }
    boolean isPackage = Files.exists(releaseDir.resolve(Staged.CHECKSUMS), LinkOption.NOFOLLOW_LINKS);
    return new Staged(top, version, descriptor, isPackage);
  }

  private List<String> verify(Path file, Staged staged, Optional<String> tarballSum)
      throws UpgradeException {
    List<String> verified = new ArrayList<>();
    tarballSum.ifPresent(s -> verified.add("the whole file against " + s));
    List<String> problems;
    try {
      if (staged.isPackage()) {
        String list = "releases/" + staged.version() + "/" + Staged.CHECKSUMS;
        Map<String, String> sums = Checksums.parse(
            Checksums.read(staged.top().resolve(list)), list);
        problems = Checksums.verifyTree(staged.top(), sums, list);
        verified.add("every file against " + list + " (" + sums.size() + " files)");
      } else {
        problems = Checksums.badJars(staged.top(), staged.descriptor(), false);
        verified.add("every jar against release.json (the release tarball has no checksum list)");
      }
    } catch (IOException | IllegalArgumentException e) {
      throw refused(file + ": cannot check its files: " + e.getMessage() + "; build it again");
    }
    if (!problems.isEmpty()) {
      StringBuilder text = new StringBuilder(file + " is damaged or was changed after it was"
          + " built; copy it again from the build (or build it again):");
      problems.forEach(p -> text.append("\n  - ").append(p));
      throw refused(text.toString());
    }
    return verified;
  }

  private void refuseInstalled(Path file, String version, boolean inPlace) throws UpgradeException {
    try {
      if (new ReleaseStates(root).read().release(version).isPresent()) {
        throw refused(name + " " + version + " is already installed (bin/" + name + " releases"
            + " lists it); to install it again, remove it first: bin/" + name + " remove "
            + version);
      }
    } catch (FormatException e) {
      throw new UpgradeException(ExitCodes.FAILURE, e.getMessage(), List.of(), e);
    }
    Path target = root.resolve("releases").resolve(version);
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!inPlace || !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw refused(target + " exists, but RELEASES.json does not list " + version + ": left"
          + " over from an earlier install; remove that directory, then run unpack " + file
          + " again");
    }
    for (Path p : list(target)) {
      if (!Archives.isArchiveFile(name, version, p.getFileName().toString())) {
        throw refused(target + " holds " + p.getFileName() + ", so it is more than a copied"
            + " tarball, but RELEASES.json does not list " + version + "; remove " + target
            + " and unpack the release again");
      }
    }
  }

  private void requireUpgradeFromRunning(Path file, Staged staged) throws UpgradeException {
    Path relupFile = staged.top().resolve("releases").resolve(staged.version()).resolve("relup.json");
    if (!Files.isRegularFile(relupFile, LinkOption.NOFOLLOW_LINKS)) {
      throw refused(file + " has no releases/" + staged.version() + "/relup.json; build the"
          + " package with molt:upgrade-package");
    }
    try {
      Relup relup = UpgradeFormats.readRelup(relupFile);
      if (relup.upFrom(running).isEmpty()) {
        List<String> from = relup.up().stream().map(p -> p.version()).toList();
        throw refused(file + " upgrades " + name + " from " + (from.isEmpty() ? "no release"
            : String.join(", ", from)) + " to " + staged.version() + ", not from " + running
            + ", the release this node runs; build the package with " + running + " among the"
            + " earlier releases (-Dmolt.upfrom / --from), or unpack the whole release tarball "
            + name + "-" + staged.version() + ".tar.gz");
      }
    } catch (FormatException e) {
      throw refused(file + ": " + e.getMessage());
    }
  }

  /**
   * The lib/ directories to move in; refuses when one exists on the node with other contents.
   * A release tarball's directory whose jars differ from the node's only in their bytes, not in
   * what they hold (a rebuild), is added to {@code rebuilt} and kept as the node has it.
   */
  private List<String> newLibDirs(Path file, Staged staged, List<String> rebuilt)
      throws UpgradeException {
    List<String> moves = new ArrayList<>();
    List<String> clashes = new ArrayList<>();
    for (Path lib : list(staged.top().resolve("lib"))) {
      String rel = "lib/" + lib.getFileName();
      Path there = root.resolve(rel);
      try {
        if (!Files.exists(there, LinkOption.NOFOLLOW_LINKS)) {
          moves.add(rel);
        } else if (LibDirs.identical(lib, there)) {
          continue;
        } else if (!staged.isPackage() && LibDirs.sameContent(lib, there)) {
          rebuilt.add(rel);
        } else {
          clashes.add(rel);
        }
      } catch (IOException e) {
        throw refused("cannot compare " + there + " with the one in " + file + ": " + e);
      }
    }
    if (!clashes.isEmpty()) {
      throw refused(file + " holds " + String.join(", ", clashes) + ", which the node has"
          + " already with other contents; a directory of a release is never replaced: if no"
          + " installed release uses it, remove the release that brought it (bin/" + name
          + " remove <vsn>), else rebuild the package from the release the node runs");
    }
    return moves;
  }

  /**
   * For each rebuilt lib/ directory kept as the node has it, the staged release.json records the
   * SHA-256 of the node's jars instead of the tarball's, so that the kernel's jar check at boot
   * and every later check accept the jars that are there. (An upgrade package never holds such a
   * directory: the appup compiler records the node's checksums itself.)
   */
  private void keepNodeJars(Path file, Staged staged, Path releaseDir, List<String> rebuilt)
      throws UpgradeException {
    if (rebuilt.isEmpty()) {
      return;
    }
    Path json = releaseDir.resolve("release.json");
    try {
      String text = Files.readString(json);
      Map<String, List<dev.molt.format.JarRef>> jars = LibDirs.jarsByDir(staged.descriptor());
      for (String dir : rebuilt) {
        for (dev.molt.format.JarRef jar : jars.getOrDefault(dir, List.of())) {
          String onNode = Sha256.of(root.resolve(dir).resolve(jar.file()));
          String built = '"' + jar.sha256() + '"';
          if (text.indexOf(built) != text.lastIndexOf(built)) {
            throw new IOException("the checksum of " + dir + "/" + jar.file() + " is recorded for"
                + " more than one jar");
          }
          text = text.replace(built, '"' + onNode + '"');
        }
      }
      Files.writeString(json, text);
      Formats.readRelease(json);
    } catch (IOException | FormatException e) {
      throw refused(file + ": cannot record the node's jars of " + String.join(", ", rebuilt)
          + " in its release.json: " + e.getMessage() + "; build the release reproducibly"
          + " (mvn molt:init sets project.build.outputTimestamp) or unpack its upgrade package");
    }
  }

  /**
   * Copies the file into the staged {@code releases/<vsn>/} as its archive (and its .sig):
   * {@code <name>-<vsn>.tar.gz} for a release tarball, {@code <name>-<vsn>-upgrade.tar.gz} for a
   * package. Returns the archive's path relative to the root.
   */
  private String archive(Path file, Path releaseDir, Staged staged) throws UpgradeException {
    String archiveName = staged.isPackage() ? Archives.packageName(name, staged.version())
        : Archives.tarballName(name, staged.version());
    Path copy = releaseDir.resolve(archiveName);
    try {
      Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
      Path sig = Signatures.signatureOf(file);
      if (Files.isRegularFile(sig)) {
        Files.copy(sig, Signatures.signatureOf(copy));
      }
    } catch (IOException e) {
      throw new UpgradeException(ExitCodes.FAILURE, "cannot keep a copy of " + file + " as "
          + archiveName + " (" + e + "); check the free space under " + root + "; nothing was"
          + " changed", List.of(), e);
    }
    return "releases/" + staged.version() + "/" + archiveName;
  }

  static List<Path> list(Path dir) throws UpgradeException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UpgradeException(ExitCodes.FAILURE, "cannot list " + dir + ": " + e, List.of(), e);
    }
  }

  private UpgradeException refused(String problem) {
    return new UpgradeException(ExitCodes.CHECK_FAILED, "unpack refused; nothing was changed: "
        + problem, List.of());
  }

  /** The extracted tree: {@code top} is its {@code <name>/} directory. */
  record Staged(Path top, String version, ReleaseDescriptor descriptor, boolean isPackage) {
    static final String CHECKSUMS = "checksums.sha256";
  }
}

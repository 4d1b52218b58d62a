package dev.molt.upgrade.unpack;

import dev.molt.format.FormatException;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.Relup;
import dev.molt.format.UpgradeFormats;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.node.NodeApp;
import dev.molt.upgrade.Direction;
import dev.molt.upgrade.ExitCodes;
import dev.molt.upgrade.UpgradeException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The release files of a node: {@code unpack} a package or tarball, {@code remove} a release,
 * and before an upgrade or downgrade, unpack a tarball copied into {@code releases/<vsn>/} and
 * restore lib/ files from the release's archive. Not thread-safe: the engine calls it under its
 * one-command-at-a-time lock.
 */
public final class Installations {
  private final Node node;
  private final PrintStream log;

  public Installations(Node node, PrintStream log) {
    this.node = node;
    this.log = log;
  }

  /**
   * Unpacks the upgrade package or release tarball {@code file} (an absolute path).
   *
   * @param maxBytes a cap on the bytes the extraction writes, when the operator set one
   * @throws UpgradeException {@link ExitCodes#CHECK_FAILED} when the file is refused
   */
  public Unpacked unpack(Path file, OptionalLong maxBytes) throws UpgradeException {
    deleteLeftOverScratch();
    Unpacked done = unpacker().unpack(file, false, maxBytes);
    log.println("molt: unpacked " + done.name() + " " + done.version() + " from " + file);
    return done;
  }

  /** Removes an {@code old} or {@code unpacked} release; returns what it printed. */
  public List<String> remove(String version) throws UpgradeException {
    deleteLeftOverScratch();
    Set<String> live = new TreeSet<>(LibDirs.of(node.descriptor()));
    Path lib = node.root().resolve("lib");
    for (NodeApp app : node.apps()) {
      live.add(app.spec().dir());
      List<Path> jars = new ArrayList<>(app.jars());
      app.loader().ifPresent(l -> jars.addAll(l.jars()));
      for (Path jar : jars) {
        Path abs = jar.toAbsolutePath().normalize();
        if (abs.startsWith(lib) && lib.relativize(abs).getNameCount() > 1) {
          live.add("lib/" + lib.relativize(abs).getName(0));
        }
      }
    }
    List<String> out = new Remover(node.root(), name(), running(), live).remove(version);
    log.println("molt: " + out.get(0));
    return out;
  }

  /**
   * What {@code upgrade}/{@code downgrade}/{@code install <vsn>} does first: when
   * {@code releases/<vsn>/release.json} is missing but a {@code <name>-<vsn>*.tar.gz} was copied
   * into {@code releases/<vsn>/}, unpacks it; when the release's lib/ files are missing or
   * changed, restores them from its archive. Returns the lines to report.
   *
   * @throws UpgradeException {@link ExitCodes#CHECK_FAILED} when the release is not there and
   *     cannot be unpacked or restored
   */
  public List<String> prepare(String command, String version) throws UpgradeException {
    if (version.equals(running())) {
      return List.of();
    }
    Path releaseJson = releaseDir(version).resolve("release.json");
    if (!Files.isRegularFile(releaseJson, LinkOption.NOFOLLOW_LINKS)) {
      Optional<Path> archive = Archives.find(node.root(), name(), version);
      if (archive.isEmpty()) {
        throw new UpgradeException(ExitCodes.CHECK_FAILED, command + " to " + version
            + " refused; nothing was changed: " + name() + " " + version + " is not installed"
            + " (no " + releaseJson + "); unpack it first (bin/" + name() + " unpack <its upgrade"
            + " package or release tarball>), or copy its tarball to releases/" + version + "/"
            + Archives.tarballName(name(), version) + " and run " + command + " " + version
            + " again", List.of());
      }
      Unpacked done = unpacker().unpack(archive.get(), true, OptionalLong.empty());
      log.println("molt: unpacked " + done.name() + " " + version + " from " + archive.get());
      return List.of("unpacked " + name() + " " + version + " from releases/" + version + "/"
          + archive.get().getFileName());
    }
    ReleaseDescriptor release;
    try {
      release = Formats.readRelease(releaseJson);
    } catch (FormatException e) {
      return List.of(); // the check reports it
    }
    if (!release.name().equals(name()) || !release.version().equals(version)) {
      return List.of(); // the check reports it
    }
    return new Restorer(node.root(), name(), log).restore(command, release);
  }

  /**
   * Which way {@code install <vsn>} goes: up when {@code releases/<vsn>/relup.json} has a plan up
   * from the running release, down when the running release's relup has a plan down to it.
   */
  public Direction direction(String version) throws UpgradeException {
    if (upFrom(version)) {
      return Direction.UP;
    }
    if (readRelup(running()).map(r -> r.downTo(version).isPresent()).orElse(false)) {
      return Direction.DOWN;
    }
    throw new UpgradeException(ExitCodes.CHECK_FAILED, "install " + version + " refused; nothing"
        + " was changed: neither releases/" + version + "/relup.json has a plan up from "
        + running() + " nor releases/" + running() + "/relup.json a plan down to " + version
        + "; build the relup (or the upgrade package) with " + running() + " among the earlier"
        + " releases", List.of());
  }

  private boolean upFrom(String version) {
    return readRelup(version).map(r -> r.upFrom(running()).isPresent()).orElse(false);
  }

  private Optional<Relup> readRelup(String version) {
    Path file = releaseDir(version).resolve("relup.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(UpgradeFormats.readRelup(file));
    } catch (FormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Scratch directories a JVM killed during an unpack or remove left behind; with the lock held
   * none is in use. An unpack's holds nothing installed (moving into place is the last rename);
   * a remove's whose release RELEASES.json still lists was not committed, and is moved back.
   */
  private void deleteLeftOverScratch() throws UpgradeException {
    for (Path p : Unpacker.list(node.root().resolve("releases"))) {
      String n = p.getFileName().toString();
      if ((n.startsWith(".unpack-") || n.startsWith(".remove-"))
          && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        if (n.startsWith(".remove-") && !Remover.putBackUncommitted(node.root(), p, log)) {
          continue;
        }
        log.println("molt: deleting " + p + ", left by an unpack or remove that did not finish");
        Staging.delete(p);
      }
    }
  }

  private Unpacker unpacker() {
    return new Unpacker(node.root(), name(), running());
  }

  private Path releaseDir(String version) {
    return node.root().resolve("releases").resolve(version);
  }

  private String name() {
    return node.descriptor().name();
  }

  private String running() {
    return node.descriptor().version();
  }
}

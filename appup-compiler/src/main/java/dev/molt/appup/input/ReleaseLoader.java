package dev.molt.appup.input;

import dev.molt.archive.Trees;
import dev.molt.appup.error.InvalidReleaseException;
import dev.molt.archive.ArchiveException;
import dev.molt.archive.ExtractRequest;
import dev.molt.archive.SafeExtractor;
import dev.molt.format.FormatException;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.ReleaseState;
import dev.molt.format.ReleasesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Opens a release given as a root directory or as a tarball {@code <name>-<vsn>.tar.gz} whose
 * entries sit under {@code <name>/}.
 */
public final class ReleaseLoader {
  private ReleaseLoader() {}

  /**
   * Reads the release at {@code source}. A root holding several {@code releases/<vsn>/} (an
   * installed node) is read at the version {@code RELEASES.json} marks current, else permanent.
   */
  public static LoadedRelease load(Path source) throws InvalidReleaseException {
    if (Files.isDirectory(source)) {
      return new LoadedRelease(source.toString(), source, read(source, source.toString()),
          Optional.empty());
    }
    if (!Files.isRegularFile(source)) {
      throw new InvalidReleaseException(source + ": no such release directory or tarball; "
          + "pass a release root (with releases/<vsn>/release.json) or a <name>-<vsn>.tar.gz");
    }
    Path tmp = temporaryDirectory(source);
    try {
      Path root = singleTopDirectory(extract(source, tmp.resolve("release")), source);
      return new LoadedRelease(source.toString(), root, read(root, source.toString()), Optional.of(tmp));
    } catch (InvalidReleaseException | RuntimeException e) {
      deleteQuietly(tmp, e);
      throw e;
    }
  }

  private static ReleaseDescriptor read(Path root, String source) throws InvalidReleaseException {
    String version = version(root, source);
    try {
      ReleaseDescriptor d = Formats.readRelease(
          root.resolve("releases").resolve(version).resolve("release.json"));
      if (!d.version().equals(version)) {
        throw new InvalidReleaseException(source + ": releases/" + version
            + "/release.json says version " + d.version() + "; rebuild the release");
      }
      return d;
    } catch (FormatException e) {
      throw new InvalidReleaseException(source + ": " + e.getMessage(), e);
    }
  }

  private static Path temporaryDirectory(Path source) throws InvalidReleaseException {
    try {
      return Files.createTempDirectory("molt-appup-");
    } catch (IOException e) {
      throw new InvalidReleaseException("cannot create a temporary directory to read " + source
          + ": " + e.getMessage() + "; set java.io.tmpdir to a writable directory", e);
    }
  }

  /** Upfrom tarballs may come from remote repositories: extracted by the safe extractor only. */
  private static Path extract(Path source, Path target) throws InvalidReleaseException {
    try {
      return SafeExtractor.extract(ExtractRequest.of(source, target)).target();
    } catch (ArchiveException e) {
      throw new InvalidReleaseException(e.getMessage(), e);
    }
  }

  private static String version(Path root, String source) throws InvalidReleaseException {
    List<String> versions = new ArrayList<>();
    Path releases = root.resolve("releases");
    if (Files.isDirectory(releases)) {
      try (Stream<Path> s = Files.list(releases)) {
        s.filter(p -> Files.isRegularFile(p.resolve("release.json")))
            .map(p -> p.getFileName().toString()).sorted().forEach(versions::add);
      } catch (IOException e) {
        throw new InvalidReleaseException(source + ": cannot list " + releases + ": " + e.getMessage(), e);
      }
    }
    if (versions.size() == 1) {
      return versions.get(0);
    }
    if (versions.isEmpty()) {
      throw new InvalidReleaseException(source + ": not a Molt release: no releases/<vsn>/release.json"
          + " found; pass the release root (target/rel/<name>) or its tarball");
    }
    return activeVersion(releases, source, versions);
  }

  private static String activeVersion(Path releases, String source, List<String> versions)
      throws InvalidReleaseException {
    try {
      ReleasesFile file = Formats.readReleases(releases.resolve("RELEASES.json"));
      return file.releases().stream().filter(r -> r.state() == ReleaseState.CURRENT)
          .findFirst().orElse(file.permanent()).version();
    } catch (FormatException e) {
      throw new InvalidReleaseException(source + ": holds releases " + versions
          + " and no readable RELEASES.json to choose one (" + e.getMessage() + ")", e);
    }
  }

  private static Path singleTopDirectory(Path tmp, Path source) throws InvalidReleaseException {
    try (Stream<Path> s = Files.list(tmp)) {
      List<Path> tops = s.toList();
      if (tops.size() != 1 || !Files.isDirectory(tops.get(0))) {
        throw new InvalidReleaseException(source + ": a release tarball holds one folder <name>/, "
            + "this one holds " + tops.size() + " top-level entries; build it with molt:release");
      }
      return tops.get(0);
    } catch (IOException e) {
      throw new InvalidReleaseException(source + ": cannot list the extracted tarball: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path tmp, Exception primary) {
    try {
      Trees.deleteRecursively(tmp);
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }
}

package dev.molt.format;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The contents of {@code releases/RELEASES.json}: every release installed in a release root and its
 * state. Exactly one release is permanent; at most one is current.
 */
public record ReleasesFile(String name, List<InstalledRelease> releases) {
  public ReleasesFile {
    Names.requireName(name, "release name");
    releases = List.copyOf(releases);
    Set<String> seen = new HashSet<>();
    long permanent = 0;
    long current = 0;
    for (InstalledRelease r : releases) {
      if (!seen.add(r.version())) {
        throw new IllegalArgumentException("release " + r.version() + " is listed twice");
      }
      permanent += r.state() == ReleaseState.PERMANENT ? 1 : 0;
      current += r.state() == ReleaseState.CURRENT ? 1 : 0;
    }
    if (permanent != 1) {
      throw new IllegalArgumentException(
          "exactly one release must be permanent, found " + permanent);
    }
    if (current > 1) {
      throw new IllegalArgumentException("at most one release may be current, found " + current);
    }
  }

  /** A file with a single permanent release, as a freshly built release root has. */
  public static ReleasesFile initial(String name, String version) {
    return new ReleasesFile(name, List.of(new InstalledRelease(version, ReleaseState.PERMANENT)));
  }

  /** The release the node boots. */
  public InstalledRelease permanent() {
    return releases.stream()
        .filter(r -> r.state() == ReleaseState.PERMANENT)
        .findFirst()
        .orElseThrow();
  }

  /** The release in {@code version}, if installed. */
  public Optional<InstalledRelease> release(String version) {
    return releases.stream().filter(r -> r.version().equals(version)).findFirst();
  }
}

package dev.molt.format;

import java.util.Objects;

/** One entry of RELEASES.json: a release version installed in the root and its state. */
public record InstalledRelease(String version, ReleaseState state) {
  public InstalledRelease {
    Names.requireVersion(version, "release version");
    Objects.requireNonNull(state, "state");
  }
}

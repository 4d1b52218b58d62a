package dev.molt.kernel.node;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What to boot: a release root and version, the environment that {@code ${VAR}} references in
 * config.json resolve against, and whether to check the apps' jars against release.json.
 */
public record BootRequest(
    Path root, String version, Map<String, String> environment, boolean verifyJars) {
  public BootRequest {
    root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    Objects.requireNonNull(version, "version");
    environment = Map.copyOf(environment);
  }

  /** {@code releases/<version>/} under the root. */
  public Path releaseDir() {
    return root.resolve("releases").resolve(version);
  }
}

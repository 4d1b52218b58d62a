package dev.molt.appup;

import dev.molt.appup.plan.Plan;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A written upgrade package.
 *
 * @param tarball {@code <out>/<name>-<vsn>-upgrade.tar.gz}
 * @param checksum the {@code .sha256} file beside it ({@code sha256sum} format)
 * @param signature the {@code .sig} file beside it (an SSH signature), when the package was signed
 * @param plan the plan whose relup the package holds
 */
public record UpgradePackageResult(Path tarball, Path checksum, Optional<Path> signature, Plan plan) {
  public UpgradePackageResult {
    Objects.requireNonNull(tarball, "tarball");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(plan, "plan");
  }
}

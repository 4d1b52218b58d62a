package dev.molt.appup;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to compile: the new release and the earlier releases to upgrade from, each a release root
 * directory or a release tarball, and optionally a directory of appup overrides laid out as
 * {@code <app>/<from>-<to>.json} (usually {@code rel/appups}).
 *
 * @param from the earlier releases; at least one, all older than {@code to}
 */
public record PlanRequest(List<Path> from, Path to, Optional<Path> overrides) {
  public PlanRequest {
    from = List.copyOf(from);
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(overrides, "overrides");
  }

  /** A request without overrides. */
  public static PlanRequest of(List<Path> from, Path to) {
    return new PlanRequest(from, to, Optional.empty());
  }
}

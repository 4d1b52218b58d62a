package dev.molt.format;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code releases/<vsn>/relup.json}: the plans that take the node from each earlier version to
 * {@code version} ({@code up}) and back ({@code down}). Immutable.
 */
public record Relup(String release, String version, List<RelupPlan> up, List<RelupPlan> down) {

  /** The schema version this code writes and reads. */
  public static final int SCHEMA = 1;

  public Relup {
    Names.requireName(release, "relup release");
    Names.requireVersion(version, "relup version");
    up = List.copyOf(up);
    down = List.copyOf(down);
    requireDistinct(up, "up");
    requireDistinct(down, "down");
  }

  /** The plan from {@code fromVersion} to this release, if the relup has one. */
  public Optional<RelupPlan> upFrom(String fromVersion) {
    return up.stream().filter(p -> p.version().equals(fromVersion)).findFirst();
  }

  /** The plan from this release back to {@code toVersion}, if the relup has one. */
  public Optional<RelupPlan> downTo(String toVersion) {
    return down.stream().filter(p -> p.version().equals(toVersion)).findFirst();
  }

  private void requireDistinct(List<RelupPlan> plans, String list) {
    Set<String> seen = new HashSet<>();
    for (RelupPlan p : plans) {
      if (p.version().equals(version)) {
        throw new IllegalArgumentException(list + " has a plan between " + version + " and itself");
      }
      if (!seen.add(p.version())) {
        throw new IllegalArgumentException(list + " has two plans for " + p.version());
      }
    }
  }
}

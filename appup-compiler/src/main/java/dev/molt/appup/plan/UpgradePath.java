package dev.molt.appup.plan;

import dev.molt.format.RelupPlan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything between one earlier release and the new one.
 *
 * @param apps one plan per app of either release: the newer release's apps in dependency order,
 *     then the apps it removes
 * @param restartJvm why the whole JVM must restart (kernel or runtime changed), if it must
 * @param up the relup plan from {@code fromVersion} to the new release
 * @param down the relup plan back to {@code fromVersion}
 */
public record UpgradePath(String fromVersion, String toVersion, List<AppPlan> apps,
    Optional<String> restartJvm, RelupPlan up, RelupPlan down) {
  public UpgradePath {
    Objects.requireNonNull(fromVersion, "fromVersion");
    Objects.requireNonNull(toVersion, "toVersion");
    apps = List.copyOf(apps);
    Objects.requireNonNull(restartJvm, "restartJvm");
    Objects.requireNonNull(up, "up");
    Objects.requireNonNull(down, "down");
  }

  /** The plan of one app, if either release has it. */
  public Optional<AppPlan> app(String name) {
    return apps.stream().filter(a -> a.app().equals(name)).findFirst();
  }
}

package dev.molt.upgrade;

import java.time.Duration;
import java.util.Objects;

/**
 * One {@code upgrade} or {@code downgrade}.
 *
 * @param version the release to move to
 * @param direction which command was asked for
 * @param trial when true the new release becomes {@code current}, not {@code permanent}: a reboot
 *     goes back to the permanent one until {@code make_permanent}
 * @param hookTimeout the deadline of each pre_upgrade / post_upgrade hook script
 */
public record UpgradeRequest(String version, Direction direction, boolean trial,
    Duration hookTimeout) {
  /** The default deadline of a hook script. */
  public static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofSeconds(60);

  public UpgradeRequest {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(direction, "direction");
    if (hookTimeout.isNegative() || hookTimeout.isZero()) {
      throw new IllegalArgumentException("the hook timeout must be positive, not " + hookTimeout);
    }
  }
}

package dev.molt.kernel.node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link Node#reloadConfig} changed. Immutable.
 *
 * @param changed per app (release.json order), the keys added, changed or removed
 * @param failures the apps whose {@code configChanged} threw
 */
public record ConfigChanges(Map<String, Set<String>> changed, List<AppFailure> failures) {
  public ConfigChanges {
    changed = Collections.unmodifiableMap(new LinkedHashMap<>(changed));
    failures = List.copyOf(failures);
  }
}

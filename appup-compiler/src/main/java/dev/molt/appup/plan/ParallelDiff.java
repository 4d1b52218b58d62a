package dev.molt.appup.plan;

import dev.molt.appup.diff.AppDiff;
import dev.molt.appup.diff.AppDiffer;
import dev.molt.appup.error.CorruptClassException;
import dev.molt.appup.input.LoadedRelease;
import dev.molt.appup.override.Overrides;
import dev.molt.format.AppSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Diffs every app whose version changed (or that has an override), in parallel. Apps whose jars are identical by SHA-256 are
 * not read (unless an override needs their classes for validation).
 */
final class ParallelDiff {
  private ParallelDiff() {}

  /** Carries a checked failure out of a parallel stream. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(CorruptClassException cause) {
      super(cause);
    }
  }

  static Map<String, AppDiff> changedApps(LoadedRelease from, LoadedRelease to, Overrides overrides)
      throws CorruptClassException {
    List<AppSpec[]> pairs = new ArrayList<>();
    for (AppSpec app : to.descriptor().apps()) {
      Optional<AppSpec> old = from.descriptor().app(app.name());
      boolean overridden = old.isPresent() && overrides.has(app.name(), old.get().version(), app.version());
      if (old.isPresent() && (!old.get().version().equals(app.version()) || overridden)) {
        pairs.add(new AppSpec[] {old.get(), app});
      }
    }
    Map<String, AppDiff> out = new ConcurrentHashMap<>();
    try {
      pairs.parallelStream().forEach(p -> out.put(p[1].name(), diff(from, to, p[0], p[1], overrides)));
    } catch (Failure f) {
      throw (CorruptClassException) f.getCause();
    }
    return out;
  }

  private static AppDiff diff(LoadedRelease from, LoadedRelease to, AppSpec old, AppSpec neu, Overrides overrides) {
    if (old.jars().equals(neu.jars()) && !overrides.has(neu.name(), old.version(), neu.version())) {
      return AppDiffer.identical(neu.name(), old.version(), neu.version());
    }
    try {
      return AppDiffer.diff(neu.name(), old.version(), from.jars(old), neu.version(), to.jars(neu));
    } catch (CorruptClassException e) {
      throw new Failure(e);
    }
  }
}

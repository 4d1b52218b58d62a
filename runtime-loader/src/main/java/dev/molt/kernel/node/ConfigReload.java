package dev.molt.kernel.node;

import dev.molt.api.Application;
import dev.molt.format.ReleaseDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code reload_config}: re-reads {@code config.json} against the current environment, swaps
 * every app's configuration at once ({@link #swap}, which the node serializes), and tells each
 * running app whose keys changed ({@link #notifyApps}, outside any kernel lock, each callback
 * bounded by the node's {@link CallbackDeadline}). A file that does not parse or resolve changes
 * nothing.
 */
final class ConfigReload {
  private ConfigReload() {}

  /**
   * @return per app (release.json order) the keys that changed; apps without changes are absent
   * @throws ConfigException when the file is invalid or a variable cannot be resolved; then no
   *     app's configuration changed
   */
  static Map<String, Set<String>> swap(Path configFile, ReleaseDescriptor release,
      List<NodeApp> apps, Map<String, String> env) throws ConfigException {
    Map<String, AppConfig> next = ConfigFile.read(configFile, release, env);
    Map<String, Set<String>> changed = new LinkedHashMap<>();
    for (NodeApp app : apps) {
      AppConfig fresh = next.getOrDefault(app.name(), AppConfig.empty(app.name()));
      Set<String> keys = diff(app.config().asMap(), fresh.asMap());
      if (!keys.isEmpty()) {
        changed.put(app.name(), keys);
      }
      app.config(fresh);
    }
    return changed;
  }

  /** Calls {@code configChanged} on each running app with changed keys; returns what failed. */
  static ConfigChanges notifyApps(List<NodeApp> apps, Map<String, Set<String>> changed,
      Duration deadline) {
    List<AppFailure> failures = new ArrayList<>();
    for (NodeApp app : apps) {
      Set<String> keys = changed.get(app.name());
      if (keys != null && app.state() == AppState.RUNNING && app.instance().isPresent()) {
        notify(app, app.instance().get(), keys, failures, deadline);
      }
    }
    return new ConfigChanges(changed, failures);
  }

  private static void notify(NodeApp app, Application instance, Set<String> keys,
      List<AppFailure> failures, Duration deadline) {
    try {
      AppCalls.run(app, "configChanged", deadline, () -> instance.configChanged(app.config(), keys));
    } catch (Exception | LinkageError e) { // app code: report it, keep the node up
      failures.add(new AppFailure(app.name(), app.version(), e));
    }
  }

  private static Set<String> diff(Map<String, String> before, Map<String, String> after) {
    Set<String> keys = new HashSet<>(before.keySet());
    keys.addAll(after.keySet());
    keys.removeIf(k -> Objects.equals(before.get(k), after.get(k)));
    return new TreeSet<>(keys);
  }
}

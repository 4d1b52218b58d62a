package dev.molt.release;

import dev.molt.format.TrialCheck;
import dev.molt.format.UpgradeSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parsed {@code rel/molt.json}: the release's environments, runtime, commands, the
 * arguments of its {@code main} entry, and its {@code "upgrade"} section (copied into
 * release.json): the health check of an upgrade's trial and the bounds of a live service update.
 */
record RelConfig(
    Optional<String> name,
    Map<String, Environment> environments,
    Runtime runtime,
    Map<String, String> commands,
    List<String> args,
    Optional<TrialCheck> trial,
    UpgradeSettings upgrade) {

  RelConfig {
    environments = Map.copyOf(environments);
    commands = new TreeMap<>(commands);
    args = List.copyOf(args);
  }

  /** One environment ({@code dev}, {@code prod}, ...). */
  record Environment(boolean devMode, boolean includeRuntime, String jvmOptions, String config) {}

  /** The {@code runtime} section: extra modules, an explicit module list, CDS. */
  record Runtime(List<String> addModules, Optional<List<String>> modules, boolean cds) {
    Runtime {
      addModules = List.copyOf(addModules);
      modules = modules.map(List::copyOf);
    }
  }
}

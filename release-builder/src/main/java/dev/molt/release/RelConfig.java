package dev.molt.release;

import dev.molt.format.TrialCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parsed {@code rel/molt.json}: the release's environments, runtime, commands, and the
 * arguments of its {@code main} entry, the health check of an upgrade's trial.
 */
record RelConfig(
    Optional<String> name,
    Map<String, Environment> environments,
    Runtime runtime,
    Map<String, String> commands,
    List<String> args,
    Optional<TrialCheck> trial) {

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

package dev.molt.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.molt.format.CommandSpec;
import dev.molt.format.TrialCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Copies the user's {@code rel/} files into {@code releases/<vsn>/}: the environment's JVM options
 * and config, {@code hooks/<phase>/*.sh} and {@code commands/*.sh} (made executable).
 */
final class CopyRelFilesStep implements Step {
  static final List<String> PHASES = List.of("pre_configure", "post_configure", "pre_start",
      "post_start", "pre_stop", "post_stop", "pre_upgrade", "post_upgrade", "trial");
  /** Commands of bin/<name>, today's and those the next issues add; a script may not shadow one. */
  static final Set<String> BUILT_IN = Set.of("foreground", "start", "stop", "restart", "pid", "ping",
      "describe", "version", "help", "remote_console", "rpc", "eval", "upgrade", "downgrade",
      "install", "unpack", "reload_config", "console");

  @Override
  public String describe(BuildContext c) {
    return "Copying rel/ files (" + c.env.jvmOptions() + ", " + c.env.config() + ", hooks, commands)";
  }

  @Override
  public void run(BuildContext c) throws ReleaseBuildException, IOException {
    Path rel = c.request.relDir();
    Path out = c.versionDir();
    Files.createDirectories(out);
    copyOrDefault(rel.resolve(c.env.jvmOptions()), out.resolve("jvm.options"),
        c.env.jvmOptions().equals("jvm.options"), "");
    Path config = rel.resolve(c.env.config());
    copyOrDefault(config, out.resolve("config.json"), c.env.config().equals("config.json"), "{}\n");
    checkJson(out.resolve("config.json"), config);
    copyHooks(rel.resolve("hooks"), out.resolve("hooks"));
    Optional<TrialCheck> trial = c.config.trial().filter(t -> t.kind() == TrialCheck.Kind.HOOK);
    if (trial.isPresent()
        && !Files.isRegularFile(out.resolve("hooks/trial").resolve(trial.get().target()))) {
      throw new InvalidRelConfigException(rel.resolve("molt.json") + ": upgrade.trial.hook names "
          + trial.get().target() + ", which is not in " + rel.resolve("hooks/trial")
          + "; add the script there or fix the name");
    }
    copyCommands(c, rel.resolve("commands"), out.resolve("commands"));
  }

  private static void copyOrDefault(Path from, Path to, boolean isDefault, String fallback)
      throws IOException, InvalidRelConfigException {
    if (Files.isRegularFile(from)) {
      Files.copy(from, to);
    } else if (isDefault) {
      Files.writeString(to, fallback);
    } else {
      throw new InvalidRelConfigException(from + " does not exist; create it or fix the file name "
          + "in rel/molt.json");
    }
  }

  private static void checkJson(Path file, Path source) throws InvalidRelConfigException {
    try {
      new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidRelConfigException(source + ": not valid JSON (" + e.getMessage()
          .lines().findFirst().orElse("") + "); fix the file", e);
    }
  }

  private static void copyHooks(Path from, Path to) throws IOException, InvalidRelConfigException {
    if (!Files.isDirectory(from)) {
      return;
    }
    for (Path dir : list(from)) {
      String phase = dir.getFileName().toString();
      if (!Files.isDirectory(dir)) {
        continue;
      }
      if (!PHASES.contains(phase)) {
        throw new InvalidRelConfigException(dir + " is not a hook phase; known phases: " + PHASES);
      }
      for (Path script : list(dir)) {
        if (script.getFileName().toString().endsWith(".sh")) {
          copyExecutable(script, to.resolve(phase).resolve(script.getFileName().toString()));
        }
      }
    }
  }

  private static void copyCommands(BuildContext c, Path from, Path to)
      throws IOException, InvalidRelConfigException {
    Map<String, String> described = c.config.commands();
    Map<String, Path> scripts = new TreeMap<>();
    if (Files.isDirectory(from)) {
      for (Path script : list(from)) {
        String file = script.getFileName().toString();
        if (file.endsWith(".sh")) {
          scripts.put(file.substring(0, file.length() - 3), script);
        }
      }
    }
    Set<String> names = new TreeSet<>(scripts.keySet());
    names.addAll(described.keySet());
    for (String name : names) {
      if (!scripts.containsKey(name)) {
        throw new InvalidRelConfigException("command '" + name + "' is declared in rel/molt.json but "
            + from.resolve(name + ".sh") + " does not exist; add the script or remove the entry");
      }
      if (BUILT_IN.contains(name) || !name.matches(ValidateInputsStep.NAME)) {
        throw new InvalidRelConfigException(scripts.get(name) + ": '" + name + "' cannot be a "
            + "command name (built-in or invalid); rename the script");
      }
      copyExecutable(scripts.get(name), to.resolve(name + ".sh"));
      c.commands.add(new CommandSpec(name, name + ".sh", described.getOrDefault(name, "")));
    }
  }

  static void copyExecutable(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}

package dev.molt.release.cli;

import dev.molt.release.InitResult;
import dev.molt.release.ReleaseBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code molt init}: writes a rel/ folder to edit, never overwriting a file. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Writes rel/molt.json, jvm.options, config.json, hooks/ and commands/ (never overwrites).")
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--rel", defaultValue = "rel", description = "the folder to write (default: ${DEFAULT-VALUE})")
  Path rel;

  @Option(names = "--name", required = true, description = "the release name")
  String name;

  @Override
  public Integer call() throws Exception {
    ReleaseBuilder builder = new ReleaseBuilder(spec.commandLine().getErr()::println);
    InitResult result = builder.init(rel, name);
    result.written().forEach(p -> spec.commandLine().getOut().println("wrote " + p));
    result.kept().forEach(p -> spec.commandLine().getOut().println("kept  " + p));
    return 0;
  }
}

package dev.molt.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The baseline for any release: {@code java <jvm.options> -cp <its app jars> <main> <args>} with
 * the release's own runtime, so that the only difference is the kernel.
 */
final class ClassPathLaunch extends Launch {
  private final List<String> command;
  private final String main;
  private final String portVariable;

  ClassPathLaunch(BuiltRelease release, String main, List<String> args, String portVariable)
      throws IOException {
    List<String> c = new ArrayList<>();
    c.add(release.java().toString());
    c.addAll(release.jvmOptions());
    c.addAll(List.of("-cp", release.classPath(), main));
    c.addAll(args);
    this.command = List.copyOf(c);
    this.main = main;
    this.portVariable = portVariable;
  }

  @Override
  String label() {
    return "java -cp <jars> " + main.substring(main.lastIndexOf('.') + 1);
  }

  @Override
  List<String> command() {
    return command;
  }

  @Override
  Map<String, String> environment(int port) {
    return Map.of(portVariable, Integer.toString(port));
  }

  @Override
  void requestStop(Process process) {
    process.destroy(); // SIGTERM, as a service manager stops a plain java process
  }
}

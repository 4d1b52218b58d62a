package dev.molt.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The baseline: {@code java -cp <all jars> dev.molt.fixtures.book.BookMain} with the release's own
 * runtime and JVM options, so that the only difference is the kernel.
 */
final class PlainLaunch extends Launch {
  static final String MAIN = "dev.molt.fixtures.book.BookMain";

  private final Path java;
  private final List<String> jvmOptions;
  private final String classPath;
  private final Path dataDir;

  PlainLaunch(Path java, List<String> jvmOptions, String classPath, Path dataDir) {
    this.java = java;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.classPath = classPath;
    this.dataDir = dataDir;
  }

  @Override
  String label() {
    return "java -cp <jars> BookMain";
  }

  @Override
  List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(MAIN);
    return command;
  }

  @Override
  Map<String, String> environment(int port) {
    return Map.of("PORT", Integer.toString(port), "BOOK_APP_DATA_DIR", dataDir.toString());
  }

  @Override
  void requestStop(Process process) {
    process.destroy(); // SIGTERM: BookMain's shutdown hook stops the app
  }
}

package dev.molt.release;

import java.nio.file.Path;
import java.util.List;

/** The kernel JVMs of a release root (each test's root is its own temporary directory). */
final class NodeProcessesOf {
  private NodeProcessesOf() {}

  static List<ProcessHandle> root(Path root) {
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses().filter(p -> p.pid() != self)
        .filter(p -> p.info().commandLine()
            .map(c -> c.contains("dev.molt.kernel.Main") && c.contains(root.toString())).orElse(false))
        .toList();
  }
}

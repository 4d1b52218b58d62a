package dev.molt.testsupport.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Processes whose command line names a release root: the JVMs these tests started there. Each
 * test's release lives in its own temporary directory, so the match cannot reach other processes.
 */
final class NodeProcesses {
  private NodeProcesses() {}

  static List<ProcessHandle> under(Path root) {
    Set<String> names = new HashSet<>();
    names.add(root.toString());
    try {
      names.add(root.toRealPath().toString());
    } catch (IOException e) {
      // The root is gone; its absolute path is all there is to match.
    }
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self)
        .filter(p -> p.info().commandLine().map(c -> names.stream().anyMatch(c::contains))
            .orElse(false))
        .collect(Collectors.toList());
  }
}

package dev.molt.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A PATH directory with links to the tools bin/<name> uses, for tests that leave some out. */
final class Tools {
  static final List<String> USED = List.of("dirname", "readlink", "awk", "sed", "cat", "mkdir", "chmod",
      "tr", "grep", "od", "sleep", "tail", "nohup", "rm", "basename", "cksum", "cut", "id", "ls", "mv",
      "wc", "ps", "timeout", "sh", "dash", "env");

  private Tools() {}

  /** {@code dir} holding a link to each tool of {@link #USED} except {@code left}; returns dir. */
  static Path without(Path dir, String... left) throws IOException {
    Files.createDirectories(dir);
    for (String tool : USED) {
      if (List.of(left).contains(tool)) {
        continue;
      }
      for (String bin : List.of("/usr/bin", "/bin")) {
        Path real = Path.of(bin, tool);
        if (Files.isExecutable(real)) {
          Files.createSymbolicLink(dir.resolve(tool), real);
          break;
        }
      }
    }
    return dir;
  }
}

package dev.molt.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An environment in which no Java can be found: a PATH made of links to every system tool except
 * those that lead into a JDK, and no JAVA_HOME. A release started there can only run on its
 * embedded runtime.
 */
public final class NoJavaEnvironment {
  private static final List<String> SYSTEM_DIRS = List.of("/usr/local/bin", "/usr/bin", "/bin");

  private NoJavaEnvironment() {}

  /**
   * The environment, with {@code extra} added. The links live in {@code target/no-java-bin-<pid>}, made
   * once per build (not in a @TempDir, whose clean-up warns about every link to a system tool).
   */
  public static synchronized Map<String, String> create(Map<String, String> extra) {
    Path binDir = ForkDirs.of("no-java-bin");
    try {
      Files.createDirectories(binDir);
      for (String dir : SYSTEM_DIRS) {
        linkToolsOf(Path.of(dir), binDir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> env = new HashMap<>();
    env.put("PATH", binDir.toString());
    env.put("HOME", System.getProperty("user.home"));
    env.put("LANG", "C.UTF-8");
    env.putAll(extra);
    return env;
  }

  private static void linkToolsOf(Path dir, Path binDir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> tools = Files.list(dir)) {
      for (Path tool : (Iterable<Path>) tools::iterator) {
        Path link = binDir.resolve(tool.getFileName().toString());
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !isJava(tool)) {
          Files.createSymbolicLink(link, tool);
        }
      }
    }
  }

  private static boolean isJava(Path tool) {
    if (tool.getFileName().toString().startsWith("java")) {
      return true;
    }
    try {
      return tool.toRealPath().toString().startsWith("/usr/lib/jvm/");
    } catch (IOException e) {
      return true; // a dangling link is no use either
    }
  }
}

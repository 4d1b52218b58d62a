package dev.molt.kernel.shell;

import java.nio.file.Path;
import java.util.List;

/**
 * The only door from {@link JavaShell} to classes that use {@code jdk.jshell}. Calling {@link
 * #start} is what first loads them, so it happens only after the module was found.
 */
final class EngineFactory {
  private EngineFactory() {}

  static ShellEngine start(String name, ClassLoader parent, List<Path> classPath) {
    return JShellEngine.start(name, parent, classPath);
  }
}

package dev.molt.e2e.support;

import java.nio.file.Path;

/**
 * Directories of this test JVM under {@code target/}. Failsafe runs the end-to-end classes in
 * several JVMs at once ({@code forkCount} in e2e/pom.xml: the tests mostly wait on the processes
 * they drive); each JVM builds its releases in a directory of its own, named by its fork number
 * ({@code molt.e2e.fork}, 1 when run otherwise).
 */
public final class ForkDirs {
  private ForkDirs() {}

  /** {@code target/e2e-releases-<fork>/<name>}, absolute. */
  public static Path releases(String name) {
    return Path.of("target", "e2e-releases-" + fork(), name).toAbsolutePath();
  }

  /** {@code target/<name>-<fork>}, absolute. */
  public static Path of(String name) {
    return Path.of("target", name + "-" + fork()).toAbsolutePath();
  }

  private static String fork() {
    String fork = System.getProperty("molt.e2e.fork", "1");
    return fork.matches("[0-9]+") ? fork : "1";
  }
}

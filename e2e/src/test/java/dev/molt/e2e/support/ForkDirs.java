package dev.molt.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Directories of this test JVM under {@code target/}. Failsafe runs the end-to-end classes in
 * several JVMs at once ({@code forkCount} in e2e/pom.xml: the tests mostly wait on the processes they
 * drive); each JVM builds its releases in directories of its own, named by its process id. The
 * directories of JVMs that no longer run (earlier builds) are deleted on first use.
 */
public final class ForkDirs {
  private static final String OWN = Long.toString(ProcessHandle.current().pid());
  /** The Maven run's id, the same in each of its JVMs (e2e/pom.xml); else this JVM's pid. */
  private static final String RUN = runId();
  private static boolean swept;

  private ForkDirs() {}

  /** {@code target/e2e-releases-<pid>/<name>}, absolute. */
  public static Path releases(String name) {
    return of("e2e-releases").resolve(name);
  }

  /**
   * {@code target/e2e-shared-<run>}, absolute: the directory the JVMs of one Maven run share
   * ({@link SharedBuilds}).
   */
  public static synchronized Path shared() {
    of("e2e-releases");
    return Path.of("target", "e2e-shared-" + RUN).toAbsolutePath();
  }

  private static String runId() {
    String run = System.getProperty("molt.e2e.run", "");
    return run.matches("[0-9]{8,20}") ? run : "pid" + ProcessHandle.current().pid();
  }

  /** {@code target/<name>-<pid>}, absolute. */
  public static synchronized Path of(String name) {
    if (!swept) {
      sweep();
      swept = true;
    }
    return Path.of("target", name + "-" + OWN).toAbsolutePath();
  }

  /**
   * Deletes {@code target/<something>-<pid>} directories whose JVM is gone, and shared
   * directories of other Maven runs.
   */
  private static void sweep() {
    Path target = Path.of("target").toAbsolutePath();
    if (!Files.isDirectory(target)) {
      return;
    }
    List<Path> stale;
    try (Stream<Path> entries = Files.list(target)) {
      stale = entries.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .filter(ForkDirs::ofADeadJvm).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + target, e);
    }
    for (Path dir : stale) {
      // The JVMs start together and each sweeps: the one whose rename succeeds deletes the tree,
      // the others leave it (deleting it side by side failed on files already gone).
      Path mine = target.resolve(".swept-" + OWN + "-" + dir.getFileName());
      try {
        Files.move(dir, mine, StandardCopyOption.ATOMIC_MOVE);
      } catch (NoSuchFileException takenByAnotherJvm) {
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot move " + dir + " aside to delete it", e);
      }
      SharedBookRelease.deleteTree(mine);
    }
  }

  private static boolean ofADeadJvm(Path dir) {
    String name = dir.getFileName().toString();
    if (name.startsWith("e2e-shared-")) {
      return !name.equals("e2e-shared-" + RUN);
    }
    if (!name.startsWith("e2e-releases-") && !name.startsWith("no-java-bin-")) {
      return false;
    }
    String suffix = name.substring(name.lastIndexOf('-') + 1);
    if (!suffix.matches("[0-9]{1,18}") || suffix.equals(OWN)) {
      return false;
    }
    return ProcessHandle.of(Long.parseLong(suffix)).map(p -> !p.isAlive()).orElse(true);
  }
}

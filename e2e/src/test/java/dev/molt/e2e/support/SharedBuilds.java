package dev.molt.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Releases built once per Maven run and shared by the failsafe JVMs of that run. Each fixture
 * release (a prod build with its jlinked runtime: most of a minute on a loaded 2-core machine)
 * was built by every JVM that needed it; now the first JVM to ask builds it in {@link
 * ForkDirs#shared()} under a file lock, and the others wait for it and read the same tree. A shared
 * tree is read only: tests copy it ({@link Releases#copy}) before they start a node in it.
 */
final class SharedBuilds {
  /** Builds into the directory given and returns the paths to share: the release root first. */
  interface Build {
    List<Path> into(Path outputDir) throws Exception;
  }

  private SharedBuilds() {}

  /** The paths {@code build} returned, built by this JVM or by another of the same run. */
  static List<Path> once(String key, Build build) throws Exception {
    Path dir = Files.createDirectories(ForkDirs.shared());
    Path done = dir.resolve(key + ".done");
    try (FileChannel channel = FileChannel.open(dir.resolve(key + ".lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      // Held until the channel closes: the other JVMs of the run wait here for the build.
      channel.lock();
      if (Files.isRegularFile(done)) {
        return Files.readAllLines(done).stream().map(Path::of).toList();
      }
      Path output = dir.resolve(key);
      SharedBookRelease.deleteTree(output);
      List<Path> paths = build.into(output);
      Path partial = dir.resolve(key + ".done.tmp");
      Files.write(partial, paths.stream().map(Path::toString).toList());
      Files.move(partial, done, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return paths;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot share the build " + key + " in " + dir, e);
    }
  }
}

package dev.molt.kernel;

import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.NodeLockedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One node per release root: an exclusive lock on {@code tmp/node.lock}, taken before anything
 * else of a boot and held by the kernel JVM for its whole life (the OS releases it when the JVM
 * ends, however it ends). The lock, not the pid file, is the authority: the pid file appears only
 * once the apps are up, so a second node could otherwise boot beside one that is still starting.
 */
final class NodeLock {
  static final String FILE = "node.lock";
  // Held here so that the channel, and with it the lock, is never collected while the JVM runs.
  private static volatile NodeLock held;
  private final FileChannel channel;
  private final FileLock lock;

  private NodeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code root} for the rest of this JVM's life.
   *
   * @throws NodeLockedException when another node holds it
   * @throws KernelException when the lock file cannot be created or locked
   */
  static void acquire(Path root) throws KernelException {
    Path file = root.resolve("tmp").resolve(FILE);
    FileChannel channel = null;
    try {
      createTmp(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw locked(root, file);
      }
      held = new NodeLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      close(channel);
      throw locked(root, file);
    } catch (IOException e) {
      close(channel);
      throw new KernelException("cannot lock " + file + " (" + e + "); make " + file.getParent()
          + " writable by the user running the node", e);
    } catch (NodeLockedException e) {
      close(channel);
      throw e;
    }
  }

  private static NodeLockedException locked(Path root, Path file) {
    return new NodeLockedException("another node of " + root + " is running or starting (it holds "
        + file + "); stop it first with bin/<name> stop, or wait for it to finish starting");
  }

  private static void createTmp(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      // made concurrently; fine
    }
  }

  private static void close(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing held through it
      }
    }
  }
}

package dev.molt.upgrade.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * {@code releases/BOOT_ONCE}: the version the next {@code bin/<name> start} boots instead of the
 * permanent release, once. {@code start} removes the file before it boots, so a JVM that does not
 * come up, or any later start, boots the permanent release again. Written atomically (temporary
 * file, fsync, rename); one line, the version.
 */
public final class BootOnce {
  private final Path file;

  public BootOnce(Path root) {
    this.file = root.resolve("releases").resolve("BOOT_ONCE");
  }

  public Path file() {
    return file;
  }

  public void mark(String version) throws IOException {
    Path tmp = file.resolveSibling("BOOT_ONCE.tmp");
    Files.deleteIfExists(tmp);
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      out.write(StandardCharsets.UTF_8.encode(version + "\n"));
      out.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The version marked, if the file is there (a link is not read). */
  public Optional<String> read() throws IOException {
    if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(Files.readString(file).trim());
  }

  public void clear() throws IOException {
    Files.deleteIfExists(file);
  }
}

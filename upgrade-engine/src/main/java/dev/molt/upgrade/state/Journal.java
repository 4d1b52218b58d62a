package dev.molt.upgrade.state;

import dev.molt.format.FormatException;
import dev.molt.format.Formats;
import dev.molt.format.UpgradeJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code releases/upgrade.journal.json}: written (atomically) before each phase and step of an
 * upgrade, deleted once it committed or was rolled back. A journal found at boot means the JVM
 * died during an upgrade: see {@link BootRecovery}.
 */
public final class Journal {
  private final Path file;

  public Journal(Path root) {
    this.file = root.resolve("releases").resolve("upgrade.journal.json");
  }

  public Path file() {
    return file;
  }

  public Optional<UpgradeJournal> read() throws FormatException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(Formats.readJournal(file));
  }

  public void write(UpgradeJournal entry) throws IOException {
    Formats.writeJournal(file, entry);
  }

  public void clear() throws IOException {
    Files.deleteIfExists(file);
  }
}

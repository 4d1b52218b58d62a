package dev.molt.appup.override;

import dev.molt.appup.error.InvalidOverrideException;
import dev.molt.format.Appup;
import dev.molt.format.FormatException;
import dev.molt.format.UpgradeFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Hand-written appups in a directory laid out as {@code <dir>/<app>/<from>-<to>.json}. An override
 * replaces the generated appup of that app for exactly that pair of versions, so an appup written
 * for one upgrade is never reused for another. Thread-safe.
 */
public final class Overrides {
  private final Optional<Path> dir;

  private Overrides(Optional<Path> dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** Overrides read from {@code dir} (which may not exist: then there are none). */
  public static Overrides in(Path dir) {
    return new Overrides(Optional.of(dir));
  }

  /** No overrides. */
  public static Overrides none() {
    return new Overrides(Optional.empty());
  }

  /** The file an override of {@code app} from {@code from} to {@code to} lives in. */
  public static Path file(Path dir, String app, String from, String to) {
    return dir.resolve(app).resolve(from + "-" + to + ".json");
  }

  /** Whether an override file exists for {@code app} from {@code from} to {@code to}. */
  public boolean has(String app, String from, String to) {
    return dir.isPresent() && Files.isRegularFile(file(dir.get(), app, from, to));
  }

  /** The override of {@code app} for {@code from -> to}, read and checked against its file name. */
  public Optional<AppupOverride> find(String app, String from, String to) throws InvalidOverrideException {
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    Path file = file(dir.get(), app, from, to);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Appup appup;
    try {
      appup = UpgradeFormats.readAppup(file);
    } catch (FormatException e) {
      throw new InvalidOverrideException(e.getMessage(), e);
    }
    if (!appup.app().equals(app) || !appup.from().equals(from) || !appup.to().equals(to)) {
      throw new InvalidOverrideException(file + ": holds the appup of " + appup.app() + " "
          + appup.from() + " -> " + appup.to() + ", but its path says " + app + " " + from + " -> " + to
          + "; fix the \"app\", \"from\" and \"to\" fields or move the file");
    }
    return Optional.of(new AppupOverride(file, appup));
  }

  /** One override and the file it came from. */
  public record AppupOverride(Path file, Appup appup) {
    public AppupOverride {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(appup, "appup");
    }
  }
}

package dev.molt.format;

import dev.molt.format.Fields.InvalidField;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The front door for the upgrade formats: appups ({@code rel/appups/<app>/<from>-<to>.json}) and
 * relups ({@code releases/<vsn>/relup.json}). Reads with validation (errors name the file and the
 * field), writes canonically (fixed field order, two-space indent, LF, trailing newline) and
 * atomically. Thread-safe; no method accepts or returns null.
 */
public final class UpgradeFormats {
  private UpgradeFormats() {}

  /** Reads and validates an appup file. */
  public static Appup readAppup(Path file) throws FormatException {
    JsonValue root = Formats.parse(file);
    try {
      return UpgradeJson.readAppup(root);
    } catch (InvalidField e) {
      throw new FormatException(file + ": " + e.getMessage()
          + "; fix the appup, or delete it to use the generated one", e);
    }
  }

  /** Reads and validates a relup file. */
  public static Relup readRelup(Path file) throws FormatException {
    JsonValue root = Formats.parse(file);
    try {
      return UpgradeJson.readRelup(root);
    } catch (InvalidField e) {
      throw new FormatException(file + ": " + e.getMessage()
          + "; regenerate the relup with the appup compiler", e);
    }
  }

  /** The canonical text of an appup. */
  public static String toJson(Appup appup) {
    return JsonText.of(UpgradeJson.write(appup));
  }

  /** The canonical text of a relup. */
  public static String toJson(Relup relup) {
    return JsonText.of(UpgradeJson.write(relup));
  }

  /** Writes an appup atomically. */
  public static void writeAppup(Path file, Appup appup) throws IOException {
    Formats.writeAtomically(file, toJson(appup));
  }

  /** Writes a relup atomically. */
  public static void writeRelup(Path file, Relup relup) throws IOException {
    Formats.writeAtomically(file, toJson(relup));
  }
}

package dev.molt.archive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lexical rules on entry names and symbolic link targets; see docs/archives.md. */
final class EntryNames {
  private EntryNames() {}

  /**
   * The entry's path relative to the target, {@code /}-separated, without {@code .} or empty
   * segments; {@code ""} for the root itself ({@code ./}).
   */
  static String relative(Path archive, String raw) throws UnsafeEntryException {
    if (raw.startsWith("/") || raw.matches("^[A-Za-z]:.*")) {
      throw unsafe(archive, raw, "is an absolute path");
    }
    if (raw.indexOf('\\') >= 0 || raw.indexOf('\0') >= 0) {
      throw unsafe(archive, raw, "holds a backslash or NUL character");
    }
    List<String> segments = segments(raw);
    if (segments.contains("..")) {
      throw unsafe(archive, raw, "climbs out with a .. segment");
    }
    return String.join("/", segments);
  }

  /**
   * Checks that a link at {@code name} pointing to {@code linkTarget} stays inside the target:
   * the target is relative, its {@code ..} segments all lead (so they climb real directories, as
   * no entry's parent is a link) and climb no higher than the link's own directory.
   */
  static void checkLinkTarget(Path archive, String name, String linkTarget)
      throws UnsafeEntryException {
    String link = name + " -> " + linkTarget;
    if (linkTarget.isEmpty() || linkTarget.startsWith("/") || linkTarget.indexOf('\0') >= 0) {
      throw unsafe(archive, link, "is a link to an absolute or empty path");
    }
    List<String> segments = segments(linkTarget);
    int ups = 0;
    while (ups < segments.size() && segments.get(ups).equals("..")) {
      ups++;
    }
    if (segments.subList(ups, segments.size()).contains("..")) {
      throw unsafe(archive, link, "is a link whose target climbs with .. after descending");
    }
    int depth = segments(name).size() - 1;
    if (ups > depth) {
      throw unsafe(archive, link, "is a link pointing outside the archive's tree");
    }
  }

  static UnsafeEntryException unsafe(Path archive, String entry, String what) {
    return new UnsafeEntryException(archive + ": entry " + entry + " " + what
        + "; the archive is refused as a whole: do not use it, rebuild it or fetch it again from"
        + " a source you trust");
  }

  private static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty() && !s.equals(".")) {
        out.add(s);
      }
    }
    return out;
  }
}

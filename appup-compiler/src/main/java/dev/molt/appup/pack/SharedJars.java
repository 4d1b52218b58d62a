package dev.molt.appup.pack;

import dev.molt.appup.error.InvalidReleaseException;
import dev.molt.appup.input.LoadedRelease;
import dev.molt.format.AppSpec;
import dev.molt.format.JarRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The new {@code release.json} as the nodes must read it. An app at the same version in both
 * releases keeps the node's {@code lib/<app>-<vsn>/} (the package does not ship it); when the new
 * release holds a rebuild of it with the same contents but other bytes (entry times), the
 * recorded checksums must be those of the jars on the node, or the kernel's jar check would
 * refuse to boot the new release.
 */
final class SharedJars {
  private SharedJars() {}

  static byte[] releaseJson(LoadedRelease to, List<LoadedRelease> from) throws InvalidReleaseException {
    Path file = to.releaseDir().resolve("release.json");
    try {
      String text = Files.readString(file);
      for (AppSpec app : to.descriptor().apps()) {
        Optional<List<JarRef>> onNode = onNode(app, from);
        if (onNode.isPresent() && !onNode.get().equals(app.jars())) {
          text = adopt(text, app.jars(), onNode.get());
        }
      }
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidReleaseException(to.source() + ": cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The jars the earlier releases hold for this app version, if they hold it and agree. */
  private static Optional<List<JarRef>> onNode(AppSpec app, List<LoadedRelease> from)
      throws InvalidReleaseException {
    Set<List<JarRef>> held = from.stream().map(f -> f.descriptor().app(app.name())).flatMap(Optional::stream)
        .filter(a -> a.version().equals(app.version())).map(AppSpec::jars).collect(Collectors.toSet());
    if (held.size() > 1) {
      throw new InvalidReleaseException("app " + app.name() + " " + app.version() + " is held by the"
          + " earlier releases as different builds (same contents, other bytes), so one package"
          + " cannot name the jars of every node; build one upgrade package per earlier release,"
          + " or build releases reproducibly (project.build.outputTimestamp, see docs/maven-plugin.md)");
    }
    return held.stream().findFirst();
  }

  /**
   * Swaps checksums in the canonical text rather than rewriting the descriptor: a SHA-256 occurs
   * once per jar, and every other field stays byte for byte as the release builder wrote it.
   */
  private static String adopt(String text, List<JarRef> built, List<JarRef> onNode) {
    String out = text;
    for (int i = 0; i < built.size(); i++) {
      out = out.replace('"' + built.get(i).sha256() + '"', '"' + onNode.get(i).sha256() + '"');
    }
    return out;
  }
}

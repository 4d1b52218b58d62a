package dev.molt.bench;

import dev.molt.format.AppSpec;
import dev.molt.format.FormatException;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A release already built (any project's {@code target/rel/<name>/}), read from its descriptor. */
record BuiltRelease(Path root, String version, ReleaseDescriptor descriptor) {

  /** Reads the release at {@code root}; it must hold exactly one version in {@code releases/}. */
  static BuiltRelease read(Path root) throws IOException, FormatException {
    List<Path> versions;
    try (Stream<Path> dirs = Files.list(root.resolve("releases"))) {
      versions = dirs.filter(d -> Files.isRegularFile(d.resolve("release.json"))).toList();
    }
    if (versions.size() != 1) {
      throw new IllegalArgumentException(root + "/releases holds " + versions.size()
          + " versions; give the root of a freshly built release (target/rel/<name>)");
    }
    Path dir = versions.get(0);
    ReleaseDescriptor descriptor = Formats.readRelease(dir.resolve("release.json"));
    return new BuiltRelease(root, dir.getFileName().toString(), descriptor);
  }

  String name() {
    return descriptor.name();
  }

  Path java() {
    return root.resolve("runtime/bin/java");
  }

  /** The release's jvm.options without comments and blank lines. */
  List<String> jvmOptions() throws IOException {
    List<String> options = new ArrayList<>();
    for (String line : Files.readAllLines(root.resolve("releases/" + version + "/jvm.options"))) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        options.add(trimmed);
      }
    }
    return options;
  }

  /** Every app jar of the release in the descriptor's order (the main app, then its libraries). */
  String classPath() {
    List<String> entries = new ArrayList<>();
    for (AppSpec app : descriptor.apps()) {
      app.jars().forEach(j -> entries.add(root.resolve(app.dir()).resolve(j.file()).toString()));
    }
    return String.join(File.pathSeparator, entries);
  }
}

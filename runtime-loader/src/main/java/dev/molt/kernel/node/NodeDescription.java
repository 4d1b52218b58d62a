package dev.molt.kernel.node;

import dev.molt.format.AppSpec;
import dev.molt.format.EntryPoint;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.RuntimeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The human-readable description of a release ({@code bin/<name> describe}): stable
 * {@code key: value} lines, then one line per app. Scripts may match on the line prefixes.
 */
public final class NodeDescription {
  private NodeDescription() {}

  /** The lines describing {@code release} installed at {@code root}, run by this JVM. */
  public static List<String> lines(ReleaseDescriptor release, Path root) {
    List<String> lines = new ArrayList<>();
    lines.add("name: " + release.name());
    lines.add("version: " + release.version());
    lines.add("environment: " + release.environment());
    lines.add("root: " + root.toAbsolutePath().normalize());
    lines.add("runtime: " + runtime(release.runtime()));
    lines.add("java: " + System.getProperty("java.home") + " " + System.getProperty("java.version"));
    lines.add("kernel: " + release.kernel().version());
    lines.add("apps:");
    for (AppSpec app : release.apps()) {
      lines.add("  " + app.name() + " " + app.version() + " " + entry(app)
          + (app.dependsOn().isEmpty() ? "" : " depends on: " + String.join(", ", app.dependsOn())));
    }
    return lines;
  }

  private static String runtime(RuntimeSpec runtime) {
    if (!runtime.embedded()) {
      return "system";
    }
    return "embedded (java " + runtime.javaVersion() + ", modules: "
        + String.join(", ", runtime.modules()) + ")";
  }

  private static String entry(AppSpec app) {
    return app.entry()
        .map(e -> (e.kind() == EntryPoint.Kind.APPLICATION ? "application " : "main ") + e.className())
        .orElse("library");
  }
}

package dev.molt.release;

import dev.molt.format.AppSpec;
import dev.molt.format.JarRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts each app's jars in {@code lib/<name>-<version>/} and records their SHA-256. In dev mode the
 * jars are symlinks to the originals, so a rebuilt jar is picked up without rebuilding the release.
 */
final class CopyAppsStep implements Step {
  @Override
  public String describe(BuildContext c) {
    return (c.env.devMode() ? "Linking " : "Copying ") + c.apps.size() + " apps into lib/";
  }

  @Override
  public void run(BuildContext c) throws IOException {
    for (AppInput app : c.apps) {
      Path dir = c.staging.resolve("lib").resolve(app.name() + "-" + app.version());
      List<JarRef> jars = installJars(app.jars(), dir, c.env.devMode());
      c.appSpecs.add(new AppSpec(app.name(), app.version(), app.coordinates(), jars,
          app.dependsOn(), app.classPath(), app.entry()));
    }
  }

  static List<JarRef> installJars(List<Path> sources, Path dir, boolean link) throws IOException {
    Files.createDirectories(dir);
    List<JarRef> refs = new ArrayList<>();
    for (Path jar : sources) {
      Path target = dir.resolve(jar.getFileName().toString());
      if (link) {
        Files.createSymbolicLink(target, jar.toRealPath());
      } else {
        Files.copy(jar, target);
      }
      refs.add(new JarRef(jar.getFileName().toString(), Digests.sha256(jar)));
    }
    return refs;
  }
}

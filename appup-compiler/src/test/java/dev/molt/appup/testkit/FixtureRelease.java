package dev.molt.appup.testkit;

import dev.molt.format.AppSpec;
import dev.molt.format.EntryPoint;
import dev.molt.format.Formats;
import dev.molt.format.JarRef;
import dev.molt.format.KernelRef;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.RuntimeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes a release root from built fixture modules ({@code fixtures/<app>/<vsn>/target/}): the
 * module's jar with its entry class, and each runtime dependency of its
 * {@code molt-inputs/deps.tgf} as a library app with its jar from {@code molt-inputs/lib}. Several
 * modules make several applications standing side by side.
 */
public final class FixtureRelease {
  /** The fixtures folder, seen from the appup-compiler module. */
  public static final Path FIXTURES = Path.of("..", "fixtures").toAbsolutePath().normalize();

  private final String name;
  private final String version;
  private final Map<String, AppSpec> apps = new LinkedHashMap<>();
  private final Map<String, Path> jars = new LinkedHashMap<>();
  private final Map<String, Map<String, UnaryOperator<byte[]>>> transforms = new LinkedHashMap<>();

  private FixtureRelease(String name, String version) {
    this.name = name;
    this.version = version;
  }

  public static FixtureRelease release(String name, String version) {
    return new FixtureRelease(name, version);
  }

  /** Adds the app built in {@code fixtures/<app>/<vsn>/} with its dependencies, first. */
  public FixtureRelease app(String app, String vsn, String entryClass) throws IOException {
    Path module = FIXTURES.resolve(app).resolve(vsn);
    Path jar = module.resolve("target/" + app + "-" + vsn + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; build the fixtures first: "
          + "mvn -B -f fixtures/pom.xml install");
    }
    List<String> deps = new ArrayList<>();
    for (String[] dep : Tgf.dependencies(module.resolve("target/molt-inputs/deps.tgf"))) {
      String artifact = dep[0];
      String depVersion = dep[1];
      deps.add(artifact);
      add(artifact, depVersion, module.resolve("target/molt-inputs/lib/" + artifact + "-" + depVersion + ".jar"),
          List.of(), Optional.empty());
    }
    add(app, vsn, jar, deps, Optional.of(new EntryPoint(EntryPoint.Kind.APPLICATION, entryClass)));
    return this;
  }

  private void add(String app, String vsn, Path jar, List<String> deps, Optional<EntryPoint> entry)
      throws IOException {
    if (!apps.containsKey(app)) {
      apps.put(app, new AppSpec(app, vsn, Optional.empty(),
          List.of(new JarRef(jar.getFileName().toString(), ReleaseGen.sha256(jar))), deps, entry));
      jars.put(app, jar);
    }
  }

  /** Rewrites one entry of an app's jar when the release is written (a variant of a fixture). */
  public FixtureRelease transform(String app, String entry, UnaryOperator<byte[]> change) {
    transforms.computeIfAbsent(app, a -> new LinkedHashMap<>()).put(entry, change);
    return this;
  }

  /** Writes the release under {@code root} and returns it. */
  public Path write(Path root) throws IOException {
    for (AppSpec a : List.copyOf(apps.values())) {
      Path dir = Files.createDirectories(root.resolve(a.dir()));
      Path jar = dir.resolve(a.jars().get(0).file());
      if (transforms.containsKey(a.name())) {
        rewrite(jars.get(a.name()), jar, transforms.get(a.name()));
        apps.put(a.name(), new AppSpec(a.name(), a.version(), a.coordinates(),
            List.of(new JarRef(jar.getFileName().toString(), ReleaseGen.sha256(jar))),
            a.dependsOn(), a.classPath(), a.entry()));
      } else {
        Files.copy(jars.get(a.name()), jar);
      }
    }
    Path kernelJar = JarGen.jar().entry("kernel.txt", new byte[] {1})
        .write(root.resolve("lib/molt-kernel-0.1.0/molt-runtime-loader.jar"));
    KernelRef kernel = new KernelRef("0.1.0", List.of(new JarRef(kernelJar.getFileName().toString(),
        ReleaseGen.sha256(kernelJar))));
    Formats.writeRelease(root.resolve("releases/" + version + "/release.json"),
        new ReleaseDescriptor(name, version, "prod", kernel, RuntimeSpec.system(),
            List.copyOf(apps.values()), List.of()));
    return root;
  }

  private static void rewrite(Path from, Path to, Map<String, UnaryOperator<byte[]>> changes)
      throws IOException {
    try (ZipFile in = new ZipFile(from.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] bytes = in.getInputStream(e).readAllBytes();
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(e.getTime());
        out.putNextEntry(copy);
        out.write(changes.getOrDefault(e.getName(), UnaryOperator.identity()).apply(bytes));
        out.closeEntry();
      }
    }
  }

  /** The runtime dependencies of a TGF tree's root, as {artifactId, version}. */
  static final class Tgf {
    private Tgf() {}

    static List<String[]> dependencies(Path tgf) throws IOException {
      List<String[]> out = new ArrayList<>();
      boolean first = true;
      for (String line : Files.readAllLines(tgf)) {
        if (line.equals("#")) {
          break;
        }
        if (first) {
          first = false;
          continue;
        }
        String[] gav = line.substring(line.indexOf(' ') + 1).split(":");
        out.add(new String[] {gav[1], gav[3]});
      }
      return out;
    }
  }
}

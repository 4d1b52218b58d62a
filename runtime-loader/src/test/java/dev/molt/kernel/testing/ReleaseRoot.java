package dev.molt.kernel.testing;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Hand-crafts a release root for tests: lib/ directories, release.json, config.json. */
public final class ReleaseRoot {
  private final Path root;
  private final String name;
  private final String version;
  private final List<AppSpec> apps = new ArrayList<>();

  private ReleaseRoot(Path root, String name, String version) {
    this.root = root;
    this.name = name;
    this.version = version;
  }

  public static ReleaseRoot at(Path root, String name, String version) {
    return new ReleaseRoot(root, name, version);
  }

  public ReleaseRoot application(String app, Path jar, String className, String... deps)
      throws IOException {
    return app(app, jar, Optional.of(new EntryPoint(EntryPoint.Kind.APPLICATION, className)), deps);
  }

  public ReleaseRoot main(String app, Path jar, String className, String... deps)
      throws IOException {
    return app(app, jar, Optional.of(new EntryPoint(EntryPoint.Kind.MAIN, className)), deps);
  }

  public ReleaseRoot library(String app, String appVersion, Path jar, String... deps)
      throws IOException {
    return add(app, appVersion, jar, Optional.empty(), deps);
  }

  private ReleaseRoot app(String app, Path jar, Optional<EntryPoint> entry, String... deps)
      throws IOException {
    return add(app, "1.0", jar, entry, deps);
  }

  private ReleaseRoot add(String app, String appVersion, Path jar, Optional<EntryPoint> entry,
      String... deps) throws IOException {
    Path dir = root.resolve("lib").resolve(app + "-" + appVersion);
    Files.createDirectories(dir);
    Path copy = Files.copy(jar, dir.resolve(jar.getFileName()));
    apps.add(new AppSpec(app, appVersion, Optional.empty(),
        List.of(new JarRef(copy.getFileName().toString(), sha256(copy))), List.of(deps), entry));
    return this;
  }

  public ReleaseRoot config(String json) throws IOException {
    Path file = releaseDir().resolve("config.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
    return this;
  }

  /** Writes release.json; returns the root. */
  public Path write() throws IOException {
    ReleaseDescriptor descriptor = new ReleaseDescriptor(name, version, "prod",
        new KernelRef("0.1.0", List.of(new JarRef("molt-runtime-loader.jar", "0".repeat(64)))),
        RuntimeSpec.system(), apps, List.of());
    Formats.writeRelease(releaseDir().resolve("release.json"), descriptor);
    return root;
  }

  public Path releaseDir() {
    return root.resolve("releases").resolve(version);
  }

  public static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

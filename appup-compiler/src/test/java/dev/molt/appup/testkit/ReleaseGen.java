package dev.molt.appup.testkit;

import dev.molt.format.AppSpec;
import dev.molt.format.EntryPoint;
import dev.molt.format.Formats;
import dev.molt.format.JarRef;
import dev.molt.format.KernelRef;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.RuntimeSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Writes a release root for tests: {@code lib/<app>-<vsn>/*.jar}, a kernel jar and
 * {@code releases/<vsn>/release.json} with real checksums. Apps must be added dependencies first.
 */
public final class ReleaseGen {
  private final String name;
  private final String version;
  private String kernelVersion = "0.1.0";
  private RuntimeSpec runtime = RuntimeSpec.system();
  private final List<AppSpec> apps = new ArrayList<>();
  private final List<Object[]> jars = new ArrayList<>();

  private ReleaseGen(String name, String version) {
    this.name = name;
    this.version = version;
  }

  public static ReleaseGen release(String name, String version) {
    return new ReleaseGen(name, version);
  }

  public ReleaseGen kernel(String version) {
    this.kernelVersion = version;
    return this;
  }

  public ReleaseGen runtime(RuntimeSpec spec) {
    this.runtime = spec;
    return this;
  }

  /** An app with an entry class (an Application); {@code deps} must already be added. */
  public ReleaseGen app(String app, String vsn, JarGen jar, String entryClass, String... deps) {
    return add(app, vsn, jar, Optional.of(new EntryPoint(EntryPoint.Kind.APPLICATION, entryClass)), deps);
  }

  /** A plain app started by {@code main(String[])}; {@code deps} must already be added. */
  public ReleaseGen mainApp(String app, String vsn, JarGen jar, String entryClass, String... deps) {
    return add(app, vsn, jar, Optional.of(new EntryPoint(EntryPoint.Kind.MAIN, entryClass)), deps);
  }

  /** A library: no entry point. */
  public ReleaseGen lib(String app, String vsn, JarGen jar, String... deps) {
    return add(app, vsn, jar, Optional.empty(), deps);
  }

  private ReleaseGen add(String app, String vsn, JarGen jar, Optional<EntryPoint> entry, String... deps) {
    jars.add(new Object[] {app, vsn, jar, entry, List.of(deps)});
    return this;
  }

  /** Writes the release under {@code root} and returns {@code root}. */
  public Path write(Path root) throws IOException {
    apps.clear();
    for (Object[] a : jars) {
      String app = (String) a[0];
      String vsn = (String) a[1];
      Path jarFile = ((JarGen) a[2]).write(root.resolve("lib/" + app + "-" + vsn + "/" + app + "-" + vsn + ".jar"));
      @SuppressWarnings("unchecked")
      Optional<EntryPoint> entry = (Optional<EntryPoint>) a[3];
      @SuppressWarnings("unchecked")
      List<String> deps = (List<String>) a[4];
      apps.add(new AppSpec(app, vsn, Optional.empty(),
          List.of(new JarRef(jarFile.getFileName().toString(), sha256(jarFile))), deps, entry));
    }
    Path kernelJar = JarGen.jar().entry("dev/molt/kernel/Main.txt", kernelVersion.getBytes())
        .write(root.resolve("lib/molt-kernel-" + kernelVersion + "/molt-runtime-loader.jar"));
    KernelRef kernel = new KernelRef(kernelVersion,
        List.of(new JarRef(kernelJar.getFileName().toString(), sha256(kernelJar))));
    ReleaseDescriptor d = new ReleaseDescriptor(name, version, "prod", kernel, runtime, apps, List.of());
    Formats.writeRelease(root.resolve("releases/" + version + "/release.json"), d);
    Files.writeString(root.resolve("releases/" + version + "/jvm.options"), "-Xmx64m\n");
    return root;
  }

  public static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      DigestInputStream d = (DigestInputStream) in;
      d.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(d.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.molt.upgrade.unpack;

import dev.molt.format.AppSpec;
import dev.molt.format.EntryPoint;
import dev.molt.format.Formats;
import dev.molt.format.Instruction;
import dev.molt.format.RelupStep;
import dev.molt.format.JarRef;
import dev.molt.format.KernelRef;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.ReleasesFile;
import dev.molt.format.Relup;
import dev.molt.format.RelupPlan;
import dev.molt.format.RuntimeSpec;
import dev.molt.format.UpgradeFormats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Small releases of "demo" on disk for the unit tests: a kernel dir, a shared library "lib" and
 * the app "app" whose jar's bytes name its version; and upgrade packages and tarballs of them.
 */
final class FakeRelease {
  static final String NAME = "demo";
  private static final RelupStep NO_RETURN = RelupStep.node(new Instruction.PointOfNoReturn());

  private FakeRelease() {}

  static String jarText(String dir) {
    return "jar of " + dir;
  }

  static ReleaseDescriptor descriptor(String version) throws IOException {
    return descriptor(NAME, version);
  }

  static ReleaseDescriptor descriptor(String name, String version) throws IOException {
    KernelRef kernel = new KernelRef("1.0", List.of(jar("k.jar", "lib/molt-kernel-1.0")));
    AppSpec lib = new AppSpec("lib", "1.0", Optional.empty(), List.of(jar("lib.jar", "lib/lib-1.0")),
        List.of(), List.of(), Optional.empty());
    AppSpec app = new AppSpec("app", version, Optional.empty(),
        List.of(jar("app.jar", "lib/app-" + version)), List.of("lib"), List.of("lib"),
        Optional.of(new EntryPoint(EntryPoint.Kind.APPLICATION, "demo.App", List.of())));
    return new ReleaseDescriptor(name, version, "prod", kernel, RuntimeSpec.system(),
        List.of(lib, app), List.of());
  }

  private static JarRef jar(String file, String dir) throws IOException {
    return new JarRef(file, sha256(jarText(dir)));
  }

  /** An installed node root running {@code version}. */
  static Path installed(Path root, String version) throws IOException {
    write(root, files(version, false));
    Formats.writeReleases(root.resolve("releases/RELEASES.json"),
        ReleasesFile.initial(NAME, version));
    return root;
  }

  /** The files of release {@code version} by path under the root; with a relup up from 0.1.0. */
  static Map<String, String> files(String version, boolean relup) throws IOException {
    ReleaseDescriptor d = descriptor(version);
    Map<String, String> files = new TreeMap<>();
    files.put("releases/" + version + "/release.json", Formats.toJson(d));
    files.put("releases/" + version + "/config.json", "{}\n");
    for (String dir : LibDirs.of(d)) {
      String jar = dir.equals("lib/molt-kernel-1.0") ? "k.jar" : dir.startsWith("lib/lib-")
          ? "lib.jar" : "app.jar";
      files.put(dir + "/" + jar, jarText(dir));
    }
    if (relup) {
      files.put("releases/" + version + "/relup.json", UpgradeFormats.toJson(new Relup(NAME,
          version, List.of(new RelupPlan("0.1.0", List.of(NO_RETURN))),
          List.of(new RelupPlan("0.1.0", List.of(NO_RETURN))))));
    }
    return files;
  }

  /** An upgrade package of {@code files}: entries under demo/, with its checksum list. */
  static Path pkg(Path out, String version, Map<String, String> files) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    StringBuilder sums = new StringBuilder();
    for (Map.Entry<String, String> f : files.entrySet()) {
      entries.put(NAME + "/" + f.getKey(), f.getValue());
      sums.append(sha256(f.getValue())).append("  ").append(f.getKey()).append('\n');
    }
    entries.put(NAME + "/releases/" + version + "/checksums.sha256", sums.toString());
    return tar(out, entries);
  }

  /** A .tar.gz of {@code entries} (path to text), as given. */
  static Path tar(Path out, Map<String, String> entries) throws IOException {
    Map<String, byte[]> bytes = new TreeMap<>();
    entries.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return tarBytes(out, bytes);
  }

  /** A .tar.gz of {@code entries} (path to bytes), as given. */
  static Path tarBytes(Path out, Map<String, byte[]> entries) throws IOException {
    Files.createDirectories(out.getParent());
    try (OutputStream file = Files.newOutputStream(out);
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        byte[] bytes = e.getValue();
        TarArchiveEntry t = new TarArchiveEntry(e.getKey());
        t.setSize(bytes.length);
        tar.putArchiveEntry(t);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
    return out;
  }

  static void write(Path root, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = root.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
  }

  static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every path under {@code root} with its content or "dir", for before/after comparisons. */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (var walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        tree.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir"
            : Files.readString(p, StandardCharsets.ISO_8859_1));
      }
    }
    return tree;
  }
}

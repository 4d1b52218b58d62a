package dev.molt.appup.pack;

import dev.molt.appup.error.InvalidReleaseException;
import dev.molt.appup.input.LoadedRelease;
import dev.molt.format.AppSpec;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.format.UpgradeFormats;
import dev.molt.appup.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Chooses what an upgrade package holds: {@code releases/<vsn>/} (without the release's own
 * tarball, with the compiled relup), and every {@code lib/} directory of the new release that at
 * least one earlier release lacks, so that the package upgrades each of them.
 */
final class PackageContents {
  private PackageContents() {}

  /** Entries by tarball path (sorted), all under {@code <name>/}. */
  static TreeMap<String, PackageEntry> of(LoadedRelease to, List<LoadedRelease> from, Plan plan)
      throws InvalidReleaseException {
    String top = to.name() + "/";
    TreeMap<String, PackageEntry> entries = new TreeMap<>();
    String ownTarball = to.name() + "-" + to.version() + ".tar.gz";
    addTree(entries, top, to.root(), "releases/" + to.version(), p -> !p.equals(ownTarball) && !p.equals("relup.json"));
    String descriptor = top + "releases/" + to.version() + "/release.json";
    entries.put(descriptor, PackageEntry.bytes(descriptor, SharedJars.releaseJson(to, from)));
    String relupName = top + "releases/" + to.version() + "/relup.json";
    entries.put(relupName, PackageEntry.bytes(relupName,
        UpgradeFormats.toJson(plan.relup()).getBytes(StandardCharsets.UTF_8)));
    for (String dir : newLibDirs(to.descriptor(), from)) {
      addTree(entries, top, to.root(), dir, p -> true);
    }
    return entries;
  }

  static Set<String> newLibDirs(ReleaseDescriptor to, List<LoadedRelease> from) {
    Set<String> dirs = new TreeSet<>();
    dirs.add(to.kernel().dir());
    to.apps().stream().map(AppSpec::dir).forEach(dirs::add);
    dirs.removeIf(d -> from.stream().allMatch(f -> has(f.descriptor(), d)));
    return dirs;
  }

  private static boolean has(ReleaseDescriptor d, String dir) {
    return d.kernel().dir().equals(dir) || d.apps().stream().anyMatch(a -> a.dir().equals(dir));
  }

  private static void addTree(TreeMap<String, PackageEntry> entries, String top, Path root, String rel,
      java.util.function.Predicate<String> keepTopLevelFile) throws InvalidReleaseException {
    Path dir = root.resolve(rel);
    if (!Files.isDirectory(dir)) {
      throw new InvalidReleaseException(root + ": " + rel + " is missing; the release is incomplete, rebuild it");
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    } catch (IOException e) {
      throw new InvalidReleaseException(root + ": cannot read " + rel + ": " + e.getMessage(), e);
    }
    for (Path f : files) {
      String inside = dir.relativize(f).toString().replace('\\', '/');
      if (!inside.contains("/") && !keepTopLevelFile.test(inside)) {
        continue;
      }
      String name = top + rel + "/" + inside;
      entries.put(name, PackageEntry.file(name, f, Files.isExecutable(f)));
    }
  }
}

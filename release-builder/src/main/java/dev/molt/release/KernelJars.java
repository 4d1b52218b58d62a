package dev.molt.release;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Picks the Molt kernel jars out of a class path or a set of files: molt-runtime-loader (first:
 * it is the java agent), molt-api, molt-format, molt-control, molt-services, molt-upgrade-engine
 * (a kernel extension) with molt-archive and molt-signature (its unpack command), and their
 * runtime dependencies (jackson-*, asm: the handles of published services are generated with it;
 * commons-compress with the commons-io and commons-lang3 it reads tarballs with). The kernel version is the runtime-loader's. Stateless and
 * thread-safe.
 */
public final class KernelJars {
  private static final Pattern KERNEL_JAR = Pattern.compile(
      "(molt-runtime-loader|molt-api|molt-format|molt-control|molt-services|molt-upgrade-engine"
          + "|molt-archive|molt-signature|commons-compress|commons-io|commons-lang3"
          + "|jackson-[a-z0-9-]+?|asm)"
          + "-(\\d[^/]*?)\\.jar");
  static final String AGENT = "molt-runtime-loader";

  private KernelJars() {}

  /**
   * @param classPath a class path ({@code File.pathSeparator}-separated), e.g. the plugin's or
   *     {@code System.getProperty("java.class.path")}; other entries are ignored
   * @throws InvalidInputException when it holds no molt-runtime-loader jar
   */
  public static KernelInput fromClassPath(String classPath) throws ReleaseBuildException {
    List<Path> files = new ArrayList<>();
    for (String entry : classPath.split(Pattern.quote(File.pathSeparator))) {
      if (!entry.isBlank()) {
        files.add(Path.of(entry));
      }
    }
    return fromFiles(files);
  }

  /** The kernel jars among {@code files} (other files are ignored). */
  public static KernelInput fromFiles(List<Path> files) throws ReleaseBuildException {
    Path agent = null;
    String version = null;
    List<Path> others = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Path f : files) {
      Matcher m = KERNEL_JAR.matcher(f.getFileName().toString());
      if (!m.matches() || !Files.isRegularFile(f) || seen.contains(m.group(1))) {
        continue;
      }
      seen.add(m.group(1));
      if (m.group(1).equals(AGENT)) {
        agent = f;
        version = m.group(2);
      } else {
        others.add(f);
      }
    }
    if (agent == null) {
      throw new InvalidInputException("no " + AGENT + "-<version>.jar among " + files
          + "; install Molt's kernel (mvn install in runtime-loader) or pass its jars (--kernel DIR)");
    }
    // Molt's own jars, then their dependencies, each by name: a stable order for release.json.
    others.sort(java.util.Comparator.comparing((Path p) -> !p.getFileName().toString().startsWith("molt-"))
        .thenComparing(p -> p.getFileName().toString()));
    others.add(0, agent);
    return new KernelInput(version, others);
  }

  /** The kernel jars in one folder, e.g. the {@code --kernel DIR} of the CLI. */
  public static KernelInput fromDirectory(Path dir) throws ReleaseBuildException {
    try (Stream<Path> s = Files.list(dir)) {
      return fromFiles(s.sorted().toList());
    } catch (IOException e) {
      throw new InvalidInputException("cannot list kernel jars in " + dir + ": " + e.getMessage()
          + "; pass a folder that holds molt-runtime-loader-<version>.jar and its dependencies", e);
    }
  }
}

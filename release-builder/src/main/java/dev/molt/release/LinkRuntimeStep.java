package dev.molt.release;

import dev.molt.format.RuntimeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Links {@code runtime/} with jlink from the modules the release needs: those jdeps finds in every
 * jar (apps and kernel), plus java.instrument (the kernel is a java agent) and
 * {@code runtime.addModules}; {@code runtime.modules} replaces the computed list.
 */
final class LinkRuntimeStep implements Step {
  /** What the kernel needs beyond what jdeps can see: the agent machinery. */
  static final List<String> KERNEL_MODULES = List.of("java.instrument");

  @Override
  public boolean applies(BuildContext c) {
    return c.env.includeRuntime();
  }

  @Override
  public String describe(BuildContext c) {
    return "Linking the runtime with jlink";
  }

  @Override
  public void run(BuildContext c) throws ReleaseBuildException {
    JdkTools jdk = new JdkTools(c.request.jdkHome()
        .orElse(Path.of(System.getProperty("java.home"))));
    String version = jdk.version();
    int feature = JdkTools.feature(version);
    Set<String> available = new TreeSet<>(jdk.modules());
    List<String> modules = c.config.runtime().modules().isPresent()
        ? new ArrayList<>(new TreeSet<>(c.config.runtime().modules().get()))
        : computeModules(c, jdk, feature, available);
    for (String m : modules) {
      if (!available.contains(m)) {
        throw new InvalidRelConfigException("module " + m + " (from rel/molt.json runtime) is not "
            + "in the JDK " + jdk.home() + " (" + version + "); remove it or use another JDK");
      }
    }
    c.progress.accept("  modules: " + String.join(",", modules));
    List<String> cmd = new ArrayList<>(List.of(jdk.tool("jlink").toString(),
        "--add-modules", String.join(",", modules),
        "--strip-debug", "--no-header-files", "--no-man-pages",
        // The tarball is gzipped anyway: an uncompressed image gives a smaller tarball and starts
        // faster. JDK 21+ deprecates the numeric form.
        "--compress=" + (feature >= 21 ? "zip-0" : "0"),
        "--output", c.staging.resolve("runtime").toString()));
    boolean cds = c.config.runtime().cds() && jdk.jlinkHasPlugin("generate-cds-archive");
    if (cds) {
      cmd.add("--generate-cds-archive");
    }
    jdk.run(cmd);
    c.cdsAtFirstStart = cds;
    c.runtime = new RuntimeSpec(true, version, modules);
  }

  private static List<String> computeModules(
      BuildContext c, JdkTools jdk, int feature, Set<String> available) throws ReleaseBuildException {
    List<Path> jars = new ArrayList<>(c.request.kernel().jars());
    c.apps.forEach(a -> jars.addAll(a.jars()));
    String classPath = String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList());
    List<String> cmd = new ArrayList<>(List.of(jdk.tool("jdeps").toString(),
        "--ignore-missing-deps", "--print-module-deps", "--multi-release", Integer.toString(feature),
        "--class-path", classPath));
    jars.forEach(j -> cmd.add(j.toString()));
    String out;
    try {
      out = jdk.run(cmd);
    } catch (ToolFailedException e) {
      throw new ToolFailedException(e.getMessage() + "\njdeps could not compute the modules; list "
          + "them in rel/molt.json as \"runtime\": {\"modules\": [\"java.base\", ...]}");
    }
    Set<String> modules = new TreeSet<>(KERNEL_MODULES);
    modules.addAll(c.config.runtime().addModules());
    for (String line : out.split("\n")) {
      for (String m : line.strip().split(",")) {
        // jdeps also names the modules of modular jars on the class path; only JDK ones count.
        if (available.contains(m.strip())) {
          modules.add(m.strip());
        }
      }
    }
    return new ArrayList<>(modules);
  }
}

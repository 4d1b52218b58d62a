package dev.molt.release;

import dev.molt.format.RuntimeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Links {@code runtime/} with jlink from the modules the release needs: those jdeps finds in the
 * app jars, those the kernel needs (jdeps of Molt's jars, module-info of their dependencies,
 * java.instrument for the agent) and {@code runtime.addModules}; {@code runtime.modules} replaces
 * the computed list.
 */
final class LinkRuntimeStep implements Step {
  /** What the kernel needs beyond what jdeps can see: the agent machinery. */
  static final List<String> KERNEL_MODULES = List.of("java.instrument", "jdk.unsupported");
  static final List<String> OPTIONAL_KERNEL_MODULES = List.of("jdk.jshell", "jdk.compiler");
  /**
   * Modules that kernel dependencies require (module-info, not static) for parts the kernel never
   * calls: commons-compress and commons-lang3 require java.desktop (java.beans, for pack200 and
   * event utilities), and the kernel reads only tar and gzip with them (unpack), which run on
   * java.base alone. An app that needs java.desktop still gets it from the jdeps of its jars.
   */
  static final java.util.Map<String, Set<String>> UNUSED_KERNEL_REQUIRES = java.util.Map.of(
      "commons-compress-", Set.of("java.desktop"), "commons-lang3-", Set.of("java.desktop"));

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
    Set<String> modules = new TreeSet<>(KERNEL_MODULES);
    modules.addAll(c.config.runtime().addModules());
    List<Path> appJars = new ArrayList<>();
    c.apps.forEach(a -> appJars.addAll(a.jars()));
    modules.addAll(jdeps(jdk, feature, appJars, available));
    Set<String> kernel = kernelModules(c.request.kernel().jars(), jdk, feature, available);
    // The kernel's Java shell runs only where the runtime has jdk.jshell: it must not pull the
    // compiler into every runtime. Ask for it with runtime.addModules.
    kernel.removeAll(OPTIONAL_KERNEL_MODULES);
    modules.addAll(kernel);
    if (available.contains("jdk.crypto.ec")) {
      // EC keys and TLS 1.3 key exchange (the control channel's TLS listener, most HTTPS
      // clients) live there on JDK 17-21; jdeps cannot see a provider looked up at run time.
      modules.add("jdk.crypto.ec");
    }
    if (available.contains("jdk.zipfs")) {
      // The jar: file system provider, looked up at run time (jdeps cannot see it): frameworks
      // that scan their jars with FileSystems.newFileSystem (Micronaut) fail with
      // ProviderNotFoundException without it, and the kernel's shell compiler reads jars with it.
      modules.add("jdk.zipfs");
    }
    return new ArrayList<>(modules);
  }

  /**
   * Molt's own kernel jars are analysed with jdeps; their third-party dependencies by their
   * module-info (non-static requires), so optional uses do not bloat every runtime.
   */
  private static Set<String> kernelModules(
      List<Path> jars, JdkTools jdk, int feature, Set<String> available) throws ReleaseBuildException {
    List<Path> molt = new ArrayList<>();
    List<Path> analyse = new ArrayList<>();
    Set<String> modules = new TreeSet<>();
    for (Path jar : jars) {
      Optional<Set<String>> requires = Optional.empty();
      try {
        requires = jar.getFileName().toString().startsWith("molt-") ? Optional.empty()
            : ModuleRequires.of(jar, feature);
      } catch (java.io.IOException e) {
        throw new InvalidInputException("cannot read kernel jar " + jar + ": " + e.getMessage(), e);
      }
      if (jar.getFileName().toString().startsWith("molt-")) {
        molt.add(jar);
      } else if (requires.isPresent()) {
        String name = jar.getFileName().toString();
        requires.get().stream().filter(available::contains)
            .filter(m -> UNUSED_KERNEL_REQUIRES.entrySet().stream()
                .noneMatch(u -> name.startsWith(u.getKey()) && u.getValue().contains(m)))
            .forEach(modules::add);
      } else {
        analyse.add(jar);
      }
    }
    if (!molt.isEmpty()) {
      modules.addAll(jdeps(jdk, feature, molt, available));
    }
    if (!analyse.isEmpty()) {
      modules.addAll(jdeps(jdk, feature, analyse, available));
    }
    return modules;
  }

  /**
   * The JDK modules jdeps finds in {@code jars}, analysed together (each other's class path) as
   * the release runs them: on a class path, modular jars too ({@link ClassPathJars}).
   */
  static Set<String> jdeps(JdkTools jdk, int feature, List<Path> jars, Set<String> available)
      throws ReleaseBuildException {
    String tool = jdk.tool("jdeps").toString();
    String out;
    try (ClassPathJars plain = ClassPathJars.of(jars)) {
      String classPath = String.join(java.io.File.pathSeparator,
          plain.jars().stream().map(Path::toString).toList());
      List<String> cmd = new ArrayList<>(List.of(tool,
          "--ignore-missing-deps", "--print-module-deps", "--multi-release", Integer.toString(feature),
          "--class-path", classPath));
      plain.jars().forEach(j -> cmd.add(j.toString()));
      out = jdk.run(cmd);
    } catch (ToolFailedException e) {
      throw new ToolFailedException(e.getMessage() + "\njdeps could not compute the modules; list "
          + "them in rel/molt.json as \"runtime\": {\"modules\": [\"java.base\", ...]}");
    } catch (java.io.IOException e) {
      throw new InvalidInputException("cannot copy the jars for jdeps: " + e.getMessage(), e);
    }
    Set<String> modules = new TreeSet<>();
    for (String line : out.split("\n")) {
      for (String m : line.strip().split(",")) {
        // jdeps also names the modules of modular jars on the class path; only JDK ones count.
        if (available.contains(m.strip())) {
          modules.add(m.strip());
        }
      }
    }
    return modules;
  }
}

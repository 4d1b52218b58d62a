package dev.molt.kernel.loader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which JDK module exports a package, for the JDK's public packages, read from the kernel's
 * {@code jdk-modules.txt}: a release's runtime holds only the modules it was linked with, so
 * when an application misses a class of another one, the message can name the module to add.
 * Read once, on the first such miss; never on a normal boot.
 */
final class JdkModules {
  private static volatile Map<String, String> byPackage;

  private JdkModules() {}

  /** The JDK module exporting {@code pkg}, when it is one of the JDK's public packages. */
  static Optional<String> moduleOf(String pkg) {
    Map<String, String> map = byPackage;
    if (map == null) {
      map = read();
      byPackage = map;
    }
    return Optional.ofNullable(map.get(pkg));
  }

  /**
   * A remedy for a class not found, when its package is exported by a JDK module missing from
   * this runtime's boot layer: names the module and where to add it.
   */
  static Optional<String> missingModuleHint(String className) {
    return missingModuleHint(className, module -> ModuleLayer.boot().findModule(module).isPresent());
  }

  /** As {@link #missingModuleHint(String)}, with the runtime's modules given by {@code linked}. */
  static Optional<String> missingModuleHint(String className, Predicate<String> linked) {
    String pkg = JdkAndApiLoader.packageOfClass(className);
    if (!(pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("jdk.")
        || pkg.startsWith("sun.") || pkg.startsWith("com.sun.") || pkg.startsWith("org."))) {
      return Optional.empty();
    }
    return moduleOf(pkg).filter(linked.negate())
        .map(module -> "its package belongs to JDK module " + module + ", which this release's"
            + " runtime was not linked with; add \"" + module + "\" to runtime.addModules in"
            + " rel/molt.json and build the release again");
  }

  private static Map<String, String> read() {
    Map<String, String> map = new HashMap<>(512);
    try (InputStream in = JdkModules.class.getResourceAsStream("jdk-modules.txt")) {
      if (in == null) {
        return map;
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        int space = line.indexOf(' ');
        if (!line.startsWith("#") && space > 0) {
          map.put(line.substring(0, space), line.substring(space + 1).trim());
        }
      }
    } catch (IOException e) {
      // Only a hint is lost: the ClassNotFoundException is thrown all the same.
    }
    return map;
  }
}

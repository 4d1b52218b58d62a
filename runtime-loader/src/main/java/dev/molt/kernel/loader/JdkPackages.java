package dev.molt.kernel.loader;

import java.lang.module.Configuration;
import java.util.HashMap;
import java.util.Map;

/** Which loader defines each package of the Java runtime, read from the boot module layer. */
final class JdkPackages {
  private JdkPackages() {}

  /**
   * Maps every package of every runtime-image module in the boot layer to the loader that defines
   * it. Modules defined to the bootstrap loader map to the platform loader, which delegates to the
   * bootstrap loader for them. The split matters: about twenty JDK modules ({@code jdk.jshell},
   * {@code jdk.compiler}, ...) are defined to the application loader, so delegating to the platform
   * loader alone would hide them, and delegating to the application loader by class name would
   * expose the kernel's class path.
   */
  static Map<String, ClassLoader> ofBootLayer() {
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration = boot.configuration();
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    Map<String, ClassLoader> packages = new HashMap<>(4096);
    for (Module module : boot.modules()) {
      if (!fromRuntimeImage(configuration, module)) {
        continue;
      }
      ClassLoader loader = module.getClassLoader() == null ? platform : module.getClassLoader();
      for (String pkg : module.getPackages()) {
        packages.put(pkg, loader);
      }
    }
    return Map.copyOf(packages);
  }

  /** True for modules of the Java runtime itself (jrt: location), not of a module path. */
  private static boolean fromRuntimeImage(Configuration configuration, Module module) {
    return configuration.findModule(module.getName())
        .flatMap(resolved -> resolved.reference().location())
        .map(location -> "jrt".equals(location.getScheme()))
        .orElse(false);
  }
}

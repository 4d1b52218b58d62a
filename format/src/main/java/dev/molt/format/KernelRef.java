package dev.molt.format;

import java.util.List;

/**
 * The Molt kernel a release boots with: its version and its jars in {@code lib/molt-kernel-<version>/}.
 * The first jar is the agent (runtime-loader).
 */
public record KernelRef(String version, List<JarRef> jars) {
  public KernelRef {
    Names.requireVersion(version, "kernel version");
    jars = List.copyOf(jars);
    if (jars.isEmpty()) {
      throw new IllegalArgumentException("the kernel has no jars");
    }
  }

  /** The directory of the kernel relative to the release root. */
  public String dir() {
    return "lib/molt-kernel-" + version;
  }
}

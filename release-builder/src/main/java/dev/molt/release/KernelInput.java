package dev.molt.release;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The Molt kernel jars to put in {@code lib/molt-kernel-<version>/}: the runtime-loader jar (the
 * java agent) first, then molt-api, molt-format and their dependencies.
 */
public record KernelInput(String version, List<Path> jars) {
  public KernelInput {
    Objects.requireNonNull(version, "version");
    jars = List.copyOf(jars);
    if (jars.isEmpty()) {
      throw new IllegalArgumentException("the kernel needs at least the runtime-loader jar");
    }
  }
}

package dev.molt.format;

import java.util.List;

/**
 * The Java runtime of a release: embedded as a jlink image in {@code runtime/}, or the one found on
 * the machine.
 *
 * @param embedded whether {@code runtime/} holds a jlink image
 * @param javaVersion the version of the JDK the image was linked from; empty when not embedded
 * @param modules the modules linked into the image; empty when not embedded
 */
public record RuntimeSpec(boolean embedded, String javaVersion, List<String> modules) {
  public RuntimeSpec {
    modules = List.copyOf(modules);
    if (javaVersion == null) {
      throw new NullPointerException("javaVersion");
    }
  }

  /** A release that runs on the machine's Java. */
  public static RuntimeSpec system() {
    return new RuntimeSpec(false, "", List.of());
  }
}

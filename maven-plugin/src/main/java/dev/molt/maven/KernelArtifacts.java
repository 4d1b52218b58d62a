package dev.molt.maven;

import dev.molt.release.KernelInput;
import dev.molt.release.KernelJars;
import dev.molt.release.ReleaseBuildException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * Picks the kernel jars out of this plugin's own class path: the plugin depends on the kernel, so
 * the jars that go into {@code lib/molt-kernel-<vsn>/} are the ones Maven resolved for it, at the
 * plugin's version. The choice by name (runtime-loader first) is the builder's, shared with the
 * {@code molt} CLI.
 */
final class KernelArtifacts {
  private KernelArtifacts() {}

  static KernelInput kernel(PluginDescriptor plugin) throws ReleaseBuildException {
    List<Path> files = plugin.getArtifacts().stream()
        .map(Artifact::getFile)
        .filter(Objects::nonNull)
        .map(File::toPath)
        .toList();
    return KernelJars.fromFiles(files);
  }
}

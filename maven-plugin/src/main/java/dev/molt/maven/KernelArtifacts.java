package dev.molt.maven;

import dev.molt.release.KernelInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * Picks the kernel jars out of this plugin's own class path: the plugin depends on the kernel, so
 * the jars that go into {@code lib/molt-kernel-<vsn>/} are exactly the ones Maven resolved for it,
 * at the plugin's version. The runtime-loader jar (the java agent) comes first.
 */
final class KernelArtifacts {
  static final String LOADER = "dev.molt:molt-runtime-loader";

  private KernelArtifacts() {}

  static KernelInput kernel(PluginDescriptor plugin) throws MojoExecutionException {
    List<Path> jars = new ArrayList<>();
    Path loader = null;
    for (Artifact artifact : plugin.getArtifacts()) {
      String key = artifact.getGroupId() + ":" + artifact.getArtifactId();
      if (key.equals(LOADER)) {
        loader = artifact.getFile().toPath();
      } else if (isKernel(artifact, key)) {
        jars.add(artifact.getFile().toPath());
      }
    }
    if (loader == null) {
      throw new MojoExecutionException(LOADER + " is missing from the class path of "
          + plugin.getId() + "; the plugin installation is broken, reinstall it");
    }
    jars.add(0, loader);
    return new KernelInput(plugin.getVersion(), jars);
  }

  /** The kernel: molt's node-side modules and Jackson, or anything the runtime-loader pulls in. */
  private static boolean isKernel(Artifact artifact, String key) {
    if (key.equals("dev.molt:molt-api") || key.equals("dev.molt:molt-format")
        || key.equals("dev.molt:molt-control")
        || artifact.getGroupId().startsWith("com.fasterxml.jackson")) {
      return true;
    }
    List<String> trail = artifact.getDependencyTrail();
    return trail != null && trail.stream().anyMatch(t -> t.startsWith(LOADER + ":"));
  }
}

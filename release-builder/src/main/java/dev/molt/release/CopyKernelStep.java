package dev.molt.release;

import dev.molt.format.KernelRef;
import java.io.IOException;

/** Copies the kernel jars to {@code lib/molt-kernel-<version>/}, the agent jar first. */
final class CopyKernelStep implements Step {
  @Override
  public String describe(BuildContext c) {
    return "Copying the kernel " + c.request.kernel().version();
  }

  @Override
  public void run(BuildContext c) throws IOException {
    KernelInput k = c.request.kernel();
    c.kernel = new KernelRef(k.version(), CopyAppsStep.installJars(
        k.jars(), c.staging.resolve("lib").resolve("molt-kernel-" + k.version()), false));
  }
}

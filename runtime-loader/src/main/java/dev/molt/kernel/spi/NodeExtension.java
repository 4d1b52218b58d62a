package dev.molt.kernel.spi;

import dev.molt.kernel.node.KernelException;

/**
 * Something that runs inside the node beside the kernel without the kernel depending on it: the
 * upgrade engine is one. Found with {@link java.util.ServiceLoader} on the kernel's own class path
 * ({@code lib/molt-kernel-<vsn>/}, {@code META-INF/services/dev.molt.kernel.spi.NodeExtension})
 * when the control channel opens, beside the apps' start, so the lookup costs the boot nothing.
 * Apps never see extensions: their loaders do not delegate to the kernel's.
 *
 * <p>Implementations need a public no-argument constructor.
 */
public interface NodeExtension {
  /**
   * Called once per node, on the thread that opens the control channel, before the channel
   * serves its first request. Register commands here; do slow work on threads of your own.
   *
   * @throws KernelException to stop the boot: the message says what failed and how to fix it
   */
  void start(NodeHandle node) throws KernelException;
}

package dev.molt.kernel.spi;

import dev.molt.kernel.node.KernelException;

/**
 * Something that runs inside the node beside the kernel without the kernel depending on it: the
 * upgrade engine is one. Found with {@link java.util.ServiceLoader} on the kernel's own class path
 * ({@code lib/molt-kernel-<vsn>/}, {@code META-INF/services/dev.molt.kernel.spi.NodeExtension})
 * by the control channel's warm-up thread, beside the node's load, and started when the channel
 * opens, before the apps start.
 * Apps never see extensions: their loaders do not delegate to the kernel's.
 *
 * <p>Implementations need a public no-argument constructor.
 */
public interface NodeExtension {
  /**
   * Called once, on a warm-up thread beside the node's load and before {@link #start}: load the
   * classes {@code start} will need, so that the boot's path does not wait for them. Must not
   * touch the node; must not throw.
   */
  default void prepare() {
  }

  /**
   * Called once per node, when the control channel opens (before the apps start and before the
   * channel serves its first request), on the boot's path: register commands, do nothing slow.
   *
   * @throws KernelException to stop the boot: the message says what failed and how to fix it
   */
  void start(NodeHandle node) throws KernelException;
}

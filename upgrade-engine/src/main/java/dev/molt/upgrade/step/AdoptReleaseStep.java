package dev.molt.upgrade.step;

import dev.molt.format.ReleaseDescriptor;
import dev.molt.kernel.node.Node;

/**
 * Not a relup instruction: the engine's own last step before the point of no return. The node
 * takes the new release as the one it runs ({@code describe}, the apps' versions,
 * {@code ApplicationContext.version()}); undo gives it the old one back.
 */
public final class AdoptReleaseStep implements Step {
  private final Node node;
  private final ReleaseDescriptor previous;
  private final ReleaseDescriptor next;

  public AdoptReleaseStep(Node node, ReleaseDescriptor previous, ReleaseDescriptor next) {
    this.node = node;
    this.previous = previous;
    this.next = next;
  }

  @Override
  public String describe() {
    return "node runs release " + next.version();
  }

  @Override
  public void run() {
    node.adopt(next);
  }

  @Override
  public void undo() {
    node.adopt(previous);
  }
}

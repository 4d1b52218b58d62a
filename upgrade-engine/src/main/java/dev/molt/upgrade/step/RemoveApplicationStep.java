package dev.molt.upgrade.step;

import dev.molt.kernel.node.AppFailure;
import dev.molt.kernel.node.AppSet;
import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.node.RetiredApp;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code remove_application}: stops an application the new release lacks and takes it out of
 * the node; its loader is retired until {@code purge}. Undo puts it back and starts it again in
 * that loader.
 */
public final class RemoveApplicationStep implements Step {
  private final Node node;
  private final String app;
  private final Consumer<AppFailure> onMainFailure;
  private final RetiredLoaders retired;

  public RemoveApplicationStep(Node node, String app, Consumer<AppFailure> onMainFailure,
      RetiredLoaders retired) {
    this.node = node;
    this.app = app;
    this.onMainFailure = onMainFailure;
    this.retired = retired;
  }

  @Override
  public String describe() {
    return "remove_application " + app;
  }

  @Override
  public void run() throws StepException {
    try {
      retired.retire(app, AppSet.remove(node, app));
    } catch (KernelException e) {
      throw new StepException(describe() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void undo() throws StepException {
    Optional<RetiredApp> removed = retired.unretire(app);
    if (removed.isEmpty() || !(removed.get() instanceof AppSet.Removed r)) {
      return;
    }
    try {
      AppSet.undo(node, r, onMainFailure);
    } catch (KernelException e) {
      throw new StepException("undo " + describe() + " failed: " + e.getMessage(), e);
    }
  }
}

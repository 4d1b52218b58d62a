package dev.molt.upgrade.step;

import dev.molt.format.ReleaseDescriptor;
import dev.molt.kernel.node.AppFailure;
import dev.molt.kernel.node.AppRestart;
import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.node.RetiredApp;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code restart_application}: stops the app, starts it in a new class loader over the new
 * release's jars (its own and its class path's libraries) with the new release's config; its
 * in-memory state starts afresh. The old loader is retired, not dropped, until {@code purge}.
 * Undo stops the app and starts it again in its old loader.
 */
public final class RestartApplicationStep implements Step {
  private final Node node;
  private final String app;
  private final ReleaseDescriptor next;
  private final Map<String, String> env;
  private final Consumer<AppFailure> onMainFailure;
  private final RetiredLoaders retired;

  public RestartApplicationStep(Node node, String app, ReleaseDescriptor next,
      Map<String, String> env, Consumer<AppFailure> onMainFailure, RetiredLoaders retired) {
    this.node = node;
    this.app = app;
    this.next = next;
    this.env = Map.copyOf(env);
    this.onMainFailure = onMainFailure;
    this.retired = retired;
  }

  @Override
  public String describe() {
    return "restart_application " + app + " in a new class loader ("
        + next.app(app).map(a -> a.version()).orElse("?") + ")";
  }

  @Override
  public void run() throws StepException {
    try {
      retired.retire(app, AppRestart.restart(node, app, next, env, onMainFailure));
    } catch (KernelException e) {
      throw new StepException(describe() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void undo() throws StepException {
    Optional<RetiredApp> replaced = retired.unretire(app);
    if (replaced.isEmpty() || !(replaced.get() instanceof AppRestart.Replaced r)) {
      return;
    }
    try {
      AppRestart.restore(node, r, onMainFailure);
    } catch (KernelException e) {
      throw new StepException("undo " + describe() + " failed: " + e.getMessage(), e);
    }
  }
}

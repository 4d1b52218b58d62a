package dev.molt.upgrade.step;

import dev.molt.format.ReleaseDescriptor;
import dev.molt.kernel.node.AppFailure;
import dev.molt.kernel.node.AppSet;
import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.Node;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code add_application}: loads an application the old release lacks (its own loader over the
 * new release's jars, the libraries it brings, its config) and starts it. Undo stops it and takes
 * it out again.
 */
public final class AddApplicationStep implements Step {
  private final Node node;
  private final String app;
  private final ReleaseDescriptor next;
  private final Map<String, String> env;
  private final Consumer<AppFailure> onMainFailure;
  private Optional<AppSet.Added> added = Optional.empty();

  public AddApplicationStep(Node node, String app, ReleaseDescriptor next,
      Map<String, String> env, Consumer<AppFailure> onMainFailure) {
    this.node = node;
    this.app = app;
    this.next = next;
    this.env = Map.copyOf(env);
    this.onMainFailure = onMainFailure;
  }

  @Override
  public String describe() {
    return "add_application " + app + " " + next.app(app).map(a -> a.version()).orElse("?");
  }

  @Override
  public void run() throws StepException {
    try {
      added = Optional.of(AppSet.add(node, next, app, env, onMainFailure));
    } catch (KernelException e) {
      throw new StepException(describe() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void undo() throws StepException {
    if (added.isEmpty()) {
      return;
    }
    try {
      AppSet.undo(node, added.get());
      added = Optional.empty();
    } catch (KernelException e) {
      throw new StepException("undo " + describe() + " failed: " + e.getMessage(), e);
    }
  }
}

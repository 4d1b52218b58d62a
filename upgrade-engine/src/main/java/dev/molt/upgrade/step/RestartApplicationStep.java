package dev.molt.upgrade.step;

import dev.molt.format.ReleaseDescriptor;
import dev.molt.kernel.node.AppFailure;
import dev.molt.kernel.node.AppRestart;
import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.node.RetiredApp;
import dev.molt.services.update.Migrations;
import dev.molt.services.update.Migrator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code restart_application}: stops the app, starts it in a new class loader over the new
 * release's jars (its own and its class path's libraries) with the new release's config. The
 * state of its stateful services is carried over: exported at the stop (after {@code
 * deactivate}), migrated by the newer version's {@code <Impl>Migration} when it has one ({@code
 * up} from the new unit at an upgrade, {@code down} from the running unit at a downgrade), and
 * imported into the implementation the new start publishes for the same contract, before its
 * {@code activate}. Everything else in memory starts afresh (threads, caches, statics). The old
 * loader is retired, not dropped, until {@code purge}. Undo stops the app and starts it again in
 * its old loader, the state carried back the other way.
 */
public final class RestartApplicationStep implements Step {
  private final Node node;
  private final String app;
  private final ReleaseDescriptor next;
  private final Map<String, String> env;
  private final Consumer<AppFailure> onMainFailure;
  private final RetiredLoaders retired;
  private final boolean upgrade;
  private final List<String> carried = new ArrayList<>();

  /**
   * @param upgrade true when the plan moves to a newer release (the new version's migration goes
   *     {@code up}), false for a downgrade (the running version's goes {@code down})
   */
  public RestartApplicationStep(Node node, String app, ReleaseDescriptor next,
      Map<String, String> env, Consumer<AppFailure> onMainFailure, RetiredLoaders retired,
      boolean upgrade) {
    this.upgrade = upgrade;
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
        + next.app(app).map(a -> a.version()).orElse("?") + ")"
        + (carried.isEmpty() ? "" : ", state carried: " + String.join(", ", carried));
  }

  @Override
  public void run() throws StepException {
    try {
      carried.clear();
      retired.retire(app, AppRestart.restart(node, app, next, env, onMainFailure,
          carry(upgrade)));
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
      AppRestart.restore(node, r, onMainFailure, carry(!upgrade));
    } catch (KernelException e) {
      throw new StepException("undo " + describe() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * The newer version's migration, found by the convention ({@code <Impl>Migration} beside the
   * implementation, as the appup compiler finds it for {@code update}): the new implementation's
   * going up, the running one's going down. Without one, the state passes unchanged.
   */
  private AppRestart.StateCarry carry(boolean up) {
    return (from, target, toVersion) -> {
      ClassLoader newer = up ? target.getClass().getClassLoader() : from.loader();
      String implementation = up ? target.getClass().getName() : from.implementation();
      String older = up ? from.version() : toVersion;
      Optional<Migrator> migrator = Migrations.conventional(implementation, newer, older, up);
      String simple = target.getClass().getSimpleName();
      if (migrator.isEmpty()) {
        carried.add(simple + " as exported");
        return from.state();
      }
      Map<String, Object> state;
      try {
        state = migrator.get().forward(from.state());
      } catch (RuntimeException e) {
        throw new IllegalStateException(migrator.get().describeForward() + " threw " + e, e);
      }
      carried.add(simple + " by " + migrator.get().describeForward());
      return state;
    };
  }
}

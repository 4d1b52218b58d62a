package dev.molt.upgrade.extension;

import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.spi.NodeExtension;
import dev.molt.kernel.spi.NodeHandle;
import dev.molt.upgrade.UpgradeEngine;
import dev.molt.upgrade.UpgradeException;
import dev.molt.upgrade.check.PlanChecker;
import dev.molt.upgrade.state.BootRecovery;
import dev.molt.upgrade.state.Journal;
import dev.molt.upgrade.state.ReleaseStates;
import java.util.List;

/**
 * Plugs the engine into the kernel ({@code META-INF/services}): recovers from an upgrade a dead
 * JVM left half-done, then adds the commands {@code upgrade}, {@code downgrade}, {@code plan},
 * {@code releases}, {@code make_permanent}, {@code unpack}, {@code install} and {@code remove} to
 * the control channel.
 */
public final class EngineExtension implements NodeExtension {
  @Override
  public void prepare() {
    // the classes start() and the boot recovery use, loaded off the boot's path
    for (Class<?> type : List.of(UpgradeEngine.class, EngineCommands.class, BootRecovery.class,
        ReleaseStates.class, Journal.class, PlanChecker.class)) {
      try {
        Class.forName(type.getName(), true, type.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        return; // start() will meet it and report it
      }
    }
  }

  @Override
  public void start(NodeHandle handle) throws KernelException {
    UpgradeEngine engine = new UpgradeEngine(handle.node(), handle.instrumentation(),
        handle.environment(), handle.log());
    try {
      engine.recoverAtBoot().forEach(line -> handle.log().println("molt: " + line));
    } catch (UpgradeException e) {
      // the node still boots: its release is the permanent one whatever the journal said
      handle.log().println("molt: " + e.getMessage());
    }
    // One handler object, no lambdas: this runs at every boot, and each lambda costs a hidden
    // class spun at run time.
    EngineCommands commands = new EngineCommands(engine, handle.node());
    for (String command : EngineCommands.NAMES) {
      handle.command(command, commands);
    }
    handle.describe(engine.purges());
    if (engine.finishesRestart()) {
      // post_upgrade and the commit wait for the apps, which start after this returns
      Thread finish = new Thread(engine::finishRestart, "molt-upgrade-finish");
      finish.setDaemon(true);
      finish.start();
    }
  }
}

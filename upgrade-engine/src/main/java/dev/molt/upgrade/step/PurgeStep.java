package dev.molt.upgrade.step;

import java.io.IOException;
import java.net.URLClassLoader;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code purge}: drops the old class loaders the upgrade retired for the app (closing their
 * jars), then asks the collector for them, within a bounded wait, and says whether they went. A
 * loader still reachable is reported, not an error: something of the old code still holds it (a
 * thread the app did not stop, a JDBC driver, a ThreadLocal; see docs/upgrades.md). Steps that
 * change code in place retire no loader; then there is nothing to drop.
 */
public final class PurgeStep implements Step {
  private static final Duration WAIT = Duration.ofSeconds(2);
  private final String app;
  private final RetiredLoaders retired;
  private String outcome = "";

  public PurgeStep(String app, RetiredLoaders retired) {
    this.app = app;
    this.retired = retired;
  }

  @Override
  public String describe() {
    return "purge " + app + outcome;
  }

  @Override
  public void run() {
    List<String> disposeFailures = new ArrayList<>();
    List<URLClassLoader> loaders = new ArrayList<>(retired.take(app));
    loaders.addAll(retired.takeUnits(app, disposeFailures)); // old units of update steps
    if (loaders.isEmpty()) {
      outcome = ": no old class loader to drop";
      return;
    }
    List<WeakReference<URLClassLoader>> refs = new ArrayList<>();
    for (URLClassLoader loader : loaders) {
      refs.add(new WeakReference<>(loader));
      try {
        loader.close();
      } catch (IOException e) {
        // its jars stay open until it is collected; nothing else depends on them
      }
    }
    loaders = null; // the last strong references this step held
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (refs.stream().anyMatch(r -> r.get() != null) && System.nanoTime() < deadline) {
      System.gc();
      sleep();
    }
    long alive = refs.stream().filter(r -> r.get() != null).count();
    outcome = alive == 0 ? ": old class loader collected"
        : ": " + alive + " old class loader(s) still reachable after " + WAIT.toSeconds()
            + " s (something of the old code holds them; see docs/upgrades.md)";
    if (!disposeFailures.isEmpty()) {
      outcome += "; " + String.join("; ", disposeFailures);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void undo() {
    // after the point of no return: never undone
  }
}

package dev.molt.upgrade.step;

import dev.molt.upgrade.purge.LoaderPurge;
import dev.molt.upgrade.purge.PurgeReport;
import dev.molt.upgrade.purge.PurgedLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code purge}: drops the old class loaders the upgrade retired for the app and proves that the
 * collector took each ({@link LoaderPurge}: closed, JDBC drivers it left deregistered, a weak
 * reference cleared within {@link LoaderPurge#BOUND}). A loader still reachable is reported, with
 * its likely holder, not an error: something of the old code still holds it (a thread the app
 * did not stop, a ThreadLocal, a logging handler; see docs/upgrades.md), and {@code releases}
 * and {@code describe} keep reporting it. Steps that change code in place retire no loader; then
 * there is nothing to drop.
 */
public final class PurgeStep implements Step {
  private final String app;
  private final RetiredLoaders retired;
  private final LoaderPurge purge;
  private final String cause;
  private String outcome = "";

  /**
   * @param cause the upgrade, as the report names it: {@code upgrade 0.3.0 -> 0.4.0}
   */
  public PurgeStep(String app, RetiredLoaders retired, LoaderPurge purge, String cause) {
    this.app = app;
    this.retired = retired;
    this.purge = purge;
    this.cause = cause;
  }

  @Override
  public String describe() {
    return "purge " + app + outcome;
  }

  @Override
  public void run() {
    List<String> disposeFailures = new ArrayList<>();
    // the list is made for the call: no reference to the loaders stays in this frame
    List<PurgedLoader> purged = purge.purge(cause, loaders(disposeFailures));
    outcome = PurgeReport.stepLine(purged);
    if (!disposeFailures.isEmpty()) {
      outcome += "; " + String.join("; ", disposeFailures);
    }
  }

  /** What restart/remove steps retired, then the old units of update steps (disposed first). */
  private List<ClassLoader> loaders(List<String> disposeFailures) {
    List<ClassLoader> loaders = new ArrayList<>(retired.take(app));
    loaders.addAll(retired.takeUnits(app, disposeFailures));
    return loaders;
  }

  @Override
  public void undo() {
    // after the point of no return: never undone
  }
}

package dev.molt.upgrade.step;

/**
 * {@code purge}: drops the old class loaders a step retired. The steps this engine runs in place
 * ({@code define}, {@code redefine}, {@code apply}) retire no loader, so there is nothing to drop;
 * the step is reported so the plan reads as it was compiled.
 */
public final class PurgeStep implements Step {
  private final String app;

  public PurgeStep(String app) {
    this.app = app;
  }

  @Override
  public String describe() {
    return "purge " + app + ": no old class loader to drop";
  }

  @Override
  public void run() {
    // see the class comment
  }

  @Override
  public void undo() {
    // see the class comment
  }
}

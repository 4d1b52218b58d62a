package dev.molt.upgrade.step;

/** {@code point_of_no_return}: the steps before it are undone on failure, those after are not. */
public final class PointOfNoReturnStep implements Step {
  @Override
  public String describe() {
    return "point_of_no_return";
  }

  @Override
  public void run() {
    // a marker: the runner stops undoing once past it
  }

  @Override
  public void undo() {
    // a marker
  }

  @Override
  public boolean isPointOfNoReturn() {
    return true;
  }
}

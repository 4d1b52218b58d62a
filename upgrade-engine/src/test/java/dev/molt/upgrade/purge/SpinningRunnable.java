package dev.molt.upgrade.purge;

/** Old code a test defines into a loader of its own: runs until interrupted. */
public final class SpinningRunnable implements Runnable {
  public SpinningRunnable() {}

  @Override
  public void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}

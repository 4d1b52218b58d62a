package dev.molt.upgrade.purge;

/** A thread subclass of old code, defined into a test's loader: sleeps until interrupted. */
public final class SpinningThread extends Thread {
  public SpinningThread() {
    super("old-thread-subclass");
    setDaemon(true);
  }

  @Override
  public void run() {
    try {
      Thread.sleep(60_000);
    } catch (InterruptedException e) {
      // stopped by the test
    }
  }
}

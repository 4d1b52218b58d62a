package dev.molt.upgrade.purge;

import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** A java.util.logging handler of old code, defined into a test's loader. */
public final class KeptHandler extends Handler {
  public KeptHandler() {}

  @Override
  public void publish(LogRecord record) {}

  @Override
  public void flush() {}

  @Override
  public void close() {}
}

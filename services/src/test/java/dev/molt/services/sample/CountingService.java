package dev.molt.services.sample;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** A {@link Counter} whose count can be handed over to a next version, as an update would. */
public class CountingService implements Counter {
  private final AtomicLong count;
  private final Supplier<Counter> self;
  private final String version;

  public CountingService(String version, long start, Supplier<Counter> self) {
    this.version = version;
    this.count = new AtomicLong(start);
    this.self = self;
  }

  public String version() {
    return version;
  }

  @Override
  public long increment() {
    return count.incrementAndGet();
  }

  @Override
  public long get() {
    return count.get();
  }

  @Override
  public long incrementTwice() {
    count.incrementAndGet();
    return self.get().increment();
  }

  @Override
  public void fail(Throwable problem) throws IOException {
    if (problem instanceof IOException) {
      throw (IOException) problem;
    }
    if (problem instanceof RuntimeException) {
      throw (RuntimeException) problem;
    }
    throw (Error) problem;
  }

  @Override
  public long mix(long a, int b, double c, boolean flag, char letter) {
    return a + b + (long) c + (flag ? 1000 : 0) + letter;
  }

  @Override
  public <X extends Comparable<X>> X max(List<X> values) {
    return Collections.max(values);
  }

  @Override
  public String origin() {
    return "override " + version;
  }
}

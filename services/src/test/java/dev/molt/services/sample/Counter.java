package dev.molt.services.sample;

import java.io.IOException;
import java.util.List;

/** A contract exercising what a handle must forward: state, re-entry, exceptions, defaults, generics. */
public interface Counter {
  long increment();

  long get();

  /** Increments twice, the second time through its own handle (a nested call). */
  long incrementTwice();

  void fail(Throwable problem) throws IOException;

  long mix(long a, int b, double c, boolean flag, char letter);

  <X extends Comparable<X>> X max(List<X> values);

  default String describe() {
    return "counter at " + get();
  }

  default String origin() {
    return "default";
  }
}

package dev.molt.bench.update;

/** The contract of the service {@link UpdatePauseBench} updates: a map of counters. */
public interface Store {
  /** Adds 1 to {@code key}'s counter; returns the new value. */
  long bump(String key);

  long get(String key);

  int size();
}

package dev.molt.bench.handle;

/** The contract every variant of {@link HandleCallBench} calls. */
public interface Adder {
  int add(int value);
}

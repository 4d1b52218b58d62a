package dev.molt.bench.handle;

/** The implementation behind every variant: small enough that the call's cost dominates. */
public final class PlusOne implements Adder {
  @Override
  public int add(int value) {
    return value + 1;
  }
}

package dev.molt.bench.handle;

import dev.molt.services.DrainTimeoutException;
import dev.molt.services.InvalidContractException;
import dev.molt.services.ServiceHandle;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long a swap keeps the gate closed while callers hammer the handle: one thread suspends
 * (close, drain) and resumes on a new target, in a loop; two threads call through the handle.
 * The swap's time per operation bounds the pause callers see; the callers' time per call shows
 * what the swaps cost them.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SwapPauseBench {
  private static final Duration DRAIN = Duration.ofSeconds(5);

  private ServiceHandle<Adder> handle;
  private final Adder[] targets = {new PlusOne(), new PlusOne()};
  private int next;

  @Setup
  public void setUp() throws InvalidContractException {
    handle = ServiceHandle.create(Adder.class, targets[0]);
  }

  @Benchmark
  @Group("swapUnderCalls")
  @GroupThreads(1)
  public void swap() throws DrainTimeoutException {
    handle.suspend(DRAIN);
    next ^= 1;
    handle.resume(targets[next]);
  }

  @Benchmark
  @Group("swapUnderCalls")
  @GroupThreads(2)
  public int call(HandleCallBench.Argument argument) {
    return handle.handle().add(argument.value++);
  }
}

package dev.molt.bench.handle;

import dev.molt.services.InvalidContractException;
import dev.molt.services.ServiceHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one call through a service handle (gate enter, volatile target, gate exit) against a
 * direct interface call and two {@link Proxy} forms. Every thread calls the same objects (one
 * handle, one gate), as an application's request threads do. Run with {@code bench/handles.sh};
 * the thread count is JMH's {@code -t}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class HandleCallBench {
  private Adder direct;
  private Adder handle;
  private Adder proxy;
  private Adder reflectiveProxy;

  // The floor any drainable scheme pays: a volatile store to a per-thread field, then a read.
  private volatile boolean closed;

  /** Per thread, so that threads share the handles but not a written field. */
  @State(Scope.Thread)
  public static class Argument {
    int value;
    int depth;
  }

  private static final VarHandle DEPTH;

  static {
    try {
      DEPTH = MethodHandles.lookup().findVarHandle(Argument.class, "depth", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Setup
  public void setUp() throws InvalidContractException, NoSuchMethodException {
    Adder target = new PlusOne();
    direct = target;
    handle = ServiceHandle.create(Adder.class, target).handle();
    // The cheapest a Proxy can be: the handler calls the target without reflection.
    InvocationHandler typed = (self, method, args) -> target.add((Integer) args[0]);
    proxy = newProxy(typed);
    // The usual generic Proxy: Method.invoke on the target.
    InvocationHandler generic = (self, method, args) -> method.invoke(target, args);
    reflectiveProxy = newProxy(generic);
  }

  private static Adder newProxy(InvocationHandler handler) {
    return (Adder) Proxy.newProxyInstance(Adder.class.getClassLoader(),
        new Class<?>[] {Adder.class}, handler);
  }

  @Benchmark
  public int directInterfaceCall(Argument argument) {
    return direct.add(argument.value++);
  }

  @Benchmark
  public int serviceHandle(Argument argument) {
    return handle.add(argument.value++);
  }

  /** Not a call: the fence of the gate alone (store depth, read the gate, store depth back). */
  @Benchmark
  public int fenceOnly(Argument argument) {
    DEPTH.setVolatile(argument, 1);
    int result = closed ? 0 : argument.value++;
    DEPTH.setRelease(argument, 0);
    return result;
  }

  @Benchmark
  public int reflectProxyTypedHandler(Argument argument) {
    return proxy.add(argument.value++);
  }

  @Benchmark
  public int reflectProxyMethodInvoke(Argument argument) {
    return reflectiveProxy.add(argument.value++);
  }
}

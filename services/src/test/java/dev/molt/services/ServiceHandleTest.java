package dev.molt.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.services.sample.Counter;
import dev.molt.services.sample.CountingService;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServiceHandleTest {

  private static ServiceHandle<Counter> counter(String version) throws InvalidContractException {
    AtomicReference<Counter> self = new AtomicReference<>();
    ServiceHandle<Counter> handle =
        ServiceHandle.create(Counter.class, new CountingService(version, 0, self::get));
    self.set(handle.handle());
    return handle;
  }

  @Test
  void handle_isGeneratedInTheContractsPackage_andIsNotTheTarget() throws Exception {
    ServiceHandle<Counter> handle = counter("1");

    assertThat(handle.handle()).isNotSameAs(handle.target());
    assertThat(handle.handle().getClass().getPackageName()).isEqualTo("dev.molt.services.sample");
    assertThat(handle.handle().getClass().getClassLoader())
        .isSameAs(Counter.class.getClassLoader());
    assertThat(handle.handle().increment()).isEqualTo(1);
    assertThat(handle.target().get()).isEqualTo(1);
  }

  @Test
  void handle_checkedException_passesThroughUnwrapped() throws Exception {
    Counter counter = counter("1").handle();
    IOException problem = new IOException("disk gone");

    assertThatThrownBy(() -> counter.fail(problem)).isSameAs(problem);
  }

  @Test
  void handle_uncheckedExceptionAndError_passThroughUnwrapped() throws Exception {
    Counter counter = counter("1").handle();
    IllegalStateException unchecked = new IllegalStateException("bad state");
    AssertionError error = new AssertionError("broken");

    assertThatThrownBy(() -> counter.fail(unchecked)).isSameAs(unchecked);
    assertThatThrownBy(() -> counter.fail(error)).isSameAs(error);
    assertThat(counter.increment()).as("the gate was exited despite the throws").isEqualTo(1);
  }

  @Test
  void handle_defaultMethods_reachTheTargetsOverrideOrTheDefault() throws Exception {
    Counter counter = counter("7").handle();
    counter.increment();

    assertThat(counter.origin()).isEqualTo("override 7");
    assertThat(counter.describe()).isEqualTo("counter at 1");
  }

  @Test
  void handle_genericAndPrimitiveMethods_forwardArgumentsAndResults() throws Exception {
    Counter counter = counter("1").handle();

    assertThat(counter.max(List.of("pear", "apple", "quince"))).isEqualTo("quince");
    assertThat(counter.max(List.of(3, 9, 4))).isEqualTo(9);
    assertThat(counter.mix(1L << 40, 2, 3.9, true, 'A')).isEqualTo((1L << 40) + 2 + 3 + 1000 + 65);
  }

  @Test
  void handle_packagePrivateContractAndParameterTypes_work() throws Exception {
    ServiceHandle<Ledger> handle = ServiceHandle.create(Ledger.class, entry -> entry.amount() * 2);

    assertThat(handle.handle().post(new Entry(21))).isEqualTo(42);
  }

  @Test
  void create_classAsContract_isRefusedNamingTheClass() {
    assertThatThrownBy(() -> ServiceHandle.create(Object.class, new Object()))
        .isInstanceOf(InvalidContractException.class)
        .hasMessageContaining("java.lang.Object cannot be a service contract: it is not an interface")
        .hasMessageContaining("Publish the service under an interface");
  }

  @Test
  void create_sealedInterface_isRefused() {
    assertThatThrownBy(() -> ServiceHandle.create(Shape.class, new Square()))
        .isInstanceOf(InvalidContractException.class)
        .hasMessageContaining(Shape.class.getName())
        .hasMessageContaining("sealed");
  }

  @Test
  void create_jdkInterfaceInAClosedPackage_isRefusedWithTheRemedy() {
    assertThatThrownBy(() -> ServiceHandle.create(Runnable.class, () -> {}))
        .isInstanceOf(InvalidContractException.class)
        .hasMessageContaining("java.lang.Runnable")
        .hasMessageContaining("application interfaces");
  }

  @Test
  void suspend_fromInsideACallThroughTheHandle_isRefused() throws Exception {
    AtomicReference<ServiceHandle<Ledger>> control = new AtomicReference<>();
    ServiceHandle<Ledger> handle = ServiceHandle.create(Ledger.class, entry -> {
      control.get().suspend(Duration.ofSeconds(1));
      return 0;
    });
    control.set(handle);

    assertThatThrownBy(() -> handle.handle().post(new Entry(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("from inside a call");
    assertThat(handle.isSuspended()).isFalse();
  }

  @Test
  void resume_whenNotSuspended_isRefused() throws Exception {
    ServiceHandle<Counter> handle = counter("1");

    assertThatThrownBy(handle::resume).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not suspended");
  }

  /** Package-private contract whose method takes a package-private type. */
  interface Ledger {
    long post(Entry entry) throws DrainTimeoutException;
  }

  record Entry(long amount) {}

  sealed interface Shape permits Square {}

  static final class Square implements Shape {}
}

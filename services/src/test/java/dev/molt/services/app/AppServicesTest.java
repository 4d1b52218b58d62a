package dev.molt.services.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.api.ServiceContext;
import dev.molt.api.StatefulService;
import dev.molt.api.testing.FixedContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppServicesTest {
  static final List<String> EVENTS = java.util.Collections.synchronizedList(new ArrayList<>());

  private final AppServices store = new AppServices(new FixedContext("store", "2.0"), List.of());
  private final AppServices web =
      new AppServices(new FixedContext("web", "1.0"), List.of(store));

  @Test
  void publish_returnsAHandleNotTheImplementation_contextCarriesAppVersionAndResources() {
    store.provide(StringBuilder.class, new StringBuilder("pool"));

    Greeter greeter = store.context().services().publish(Greeter.class, ContextGreeter.class);

    assertThat(greeter).isNotInstanceOf(ContextGreeter.class);
    assertThat(store.find(Greeter.class).orElseThrow().target())
        .isInstanceOf(ContextGreeter.class);
    assertThat(greeter.greet("ada")).isEqualTo("ada via pool, store 2.0, self is handle: true");
  }

  @Test
  void construct_aNextVersion_seesItsVersionAndTheSameResource_andIsNotPublished() {
    StringBuilder pool = new StringBuilder("pool");
    store.provide(StringBuilder.class, pool);
    store.publish(Greeter.class, ContextGreeter.class);

    Greeter next = store.construct(Greeter.class, ContextGreeter.class, "2.1");

    assertThat(next.greet("ada")).isEqualTo("ada via pool, store 2.1, self is handle: true");
    assertThat(store.find(Greeter.class).orElseThrow().target()).isNotSameAs(next);
    assertThatThrownBy(() -> store.construct(Greeter.class, SealedImpl.class, "2.1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not implement");
  }

  @Test
  void handle_ofADependencysService_isThatHandle_unknownContractNamesItAndTheRemedy() {
    Greeter published = store.publish(Greeter.class, PlainGreeter.class);

    assertThat(web.handle(Greeter.class)).isSameAs(published);
    assertThatThrownBy(() -> store.handle(Runnable.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no service java.lang.Runnable is published by store")
        .hasMessageContaining("declare a dependency");
  }

  @Test
  void publish_badInputs_areRefusedAndPublishNothing() {
    assertThatThrownBy(() -> store.publish(Greeter.class, NoConventionGreeter.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("public (ServiceContext) nor a public no-argument constructor");
    assertThatThrownBy(() -> store.publish(Sealed.class, SealedImpl.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sealed");
    assertThatThrownBy(() -> store.publish(Greeter.class, FailingActivation.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("activate() threw").hasRootCauseMessage("port in use");
    assertThat(store.published()).isEmpty();

    store.publish(Greeter.class, PlainGreeter.class);
    assertThatThrownBy(() -> store.publish(Greeter.class, PlainGreeter.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already published");
  }

  @Test
  void retire_deactivatesThenDisposesInReversePublishOrder_evenAfterAFailure() {
    EVENTS.clear();
    store.publish(Greeter.class, RecordingGreeter.class);
    store.publish(Other.class, FailingRetire.class);

    List<RuntimeException> failures = store.retire();

    assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessage("stuck"));
    assertThat(EVENTS).containsExactly("activate greeter", "deactivate greeter", "dispose greeter");
  }

  @Test
  void retireExporting_thenCarryIn_theNextStartImportsBeforeActivate_andNoCallSeesFreshState() {
    EVENTS.clear();
    Greeter first = store.publish(Greeter.class, CountingGreeter.class);
    first.greet("a");
    first.greet("b");
    List<CarriedState> exported = new ArrayList<>();

    assertThat(store.retire(exported::add)).isEmpty();

    assertThat(exported).singleElement().satisfies(c -> {
      assertThat(c.contract()).isEqualTo(Greeter.class.getName());
      assertThat(c.implementation()).isEqualTo(CountingGreeter.class.getName());
      assertThat(c.version()).isEqualTo("2.0");
      assertThat(c.state()).isEqualTo(Map.of("greeted", 2L));
    });
    AppServices next = new AppServices(new FixedContext("store", "2.1"), List.of());
    next.carryIn((contract, target) -> java.util.Optional.of(Map.of("greeted",
        ((Number) exported.get(0).state().get("greeted")).longValue() * 10)));
    Greeter second = next.publish(Greeter.class, CountingGreeter.class);
    assertThat(second.greet("c")).isEqualTo("c #21");
    assertThat(EVENTS).containsExactly("activate at 0", "deactivate", "dispose",
        "activate at 20");
  }

  @Test
  void carryIn_aMigrationThatThrows_orStateThatIsNotPlainData_failsThePublish() {
    AppServices next = new AppServices(new FixedContext("store", "2.1"), List.of());
    next.carryIn((contract, target) -> {
      throw new IllegalStateException("no such shape");
    });
    assertThatThrownBy(() -> next.publish(Greeter.class, CountingGreeter.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not be carried to " + CountingGreeter.class.getName())
        .hasMessageContaining("no such shape");
    assertThat(next.published()).isEmpty();

    AppServices live = new AppServices(new FixedContext("store", "2.1"), List.of());
    live.carryIn((contract, target) -> java.util.Optional.of(Map.of("greeted", new Thread())));
    assertThatThrownBy(() -> live.publish(Greeter.class, CountingGreeter.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not plain data at state.greeted");
  }

  public static final class CountingGreeter implements Greeter, StatefulService {
    private final java.util.concurrent.atomic.AtomicLong greeted =
        new java.util.concurrent.atomic.AtomicLong();

    @Override
    public String greet(String name) {
      return name + " #" + greeted.incrementAndGet();
    }

    @Override
    public Map<String, Object> exportState() {
      return Map.of("greeted", greeted.get());
    }

    @Override
    public void importState(Map<String, Object> state) {
      greeted.set(((Number) state.get("greeted")).longValue());
    }

    @Override
    public void activate() {
      EVENTS.add("activate at " + greeted.get());
    }

    @Override
    public void deactivate() {
      EVENTS.add("deactivate");
    }

    @Override
    public void dispose() {
      EVENTS.add("dispose");
    }
  }

  public interface Greeter {
    String greet(String name);
  }

  public interface Other {}

  sealed interface Sealed permits SealedImpl {}

  public static final class SealedImpl implements Sealed {}

  public static final class ContextGreeter implements Greeter {
    private final ServiceContext context;

    public ContextGreeter(ServiceContext context) {
      this.context = context;
    }

    @Override
    public String greet(String name) {
      return name + " via " + context.resource(StringBuilder.class) + ", "
          + context.application().name() + " " + context.version() + ", self is handle: "
          + !(context.service(Greeter.class) instanceof ContextGreeter);
    }
  }

  public static final class PlainGreeter implements Greeter {
    @Override
    public String greet(String name) {
      return name;
    }
  }

  public static final class NoConventionGreeter implements Greeter {
    public NoConventionGreeter(int unused) {}

    @Override
    public String greet(String name) {
      return name;
    }
  }

  public abstract static class Stateless implements StatefulService {
    @Override
    public Map<String, Object> exportState() {
      return Map.of();
    }

    @Override
    public void importState(Map<String, Object> state) {}
  }

  public static final class FailingActivation extends Stateless implements Greeter {
    @Override
    public void activate() {
      throw new IllegalStateException("port in use");
    }

    @Override
    public String greet(String name) {
      return name;
    }
  }

  public static final class RecordingGreeter extends Stateless implements Greeter {
    @Override
    public void activate() {
      EVENTS.add("activate greeter");
    }

    @Override
    public void deactivate() {
      EVENTS.add("deactivate greeter");
    }

    @Override
    public void dispose() {
      EVENTS.add("dispose greeter");
    }

    @Override
    public String greet(String name) {
      return name;
    }
  }

  public static final class FailingRetire extends Stateless implements Other {
    @Override
    public void deactivate() {
      throw new IllegalStateException("stuck");
    }
  }
}

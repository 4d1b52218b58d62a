package dev.molt.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.api.testing.FixedContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandaloneServicesTest {
  private final Services services = Services.standalone(new FixedContext("demo", "1.2.3"));

  @Test
  void publish_constructsWithTheContext_activatesAndReturnsTheImplementation() {
    List<String> log = new ArrayList<>();
    services.provide(List.class, log);

    Greeter greeter = services.publish(Greeter.class, LoggingGreeter.class);

    assertThat(greeter).isInstanceOf(LoggingGreeter.class);
    assertThat(greeter.greet("ada")).isEqualTo("hello ada from demo 1.2.3");
    assertThat(log).containsExactly("activated", "greet ada");
    assertThat(services.handle(Greeter.class)).isSameAs(greeter);
  }

  @Test
  void publish_noArgumentConstructor_isUsedWhenThereIsNoContextConstructor() {
    assertThat(services.publish(Greeter.class, PlainGreeter.class).greet("x")).isEqualTo("hi x");
  }

  @Test
  void publish_withoutAConventionalConstructor_namesTheClassAndTheRemedy() {
    assertThatThrownBy(() -> services.publish(Greeter.class, NamedGreeter.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(NamedGreeter.class.getName())
        .hasMessageContaining("public (ServiceContext)");
  }

  @Test
  void handle_ofAnUnpublishedContract_namesIt() {
    assertThatThrownBy(() -> services.handle(Greeter.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Greeter.class.getName());
  }

  @Test
  void services_ofAContextMadeOutsideANode_pointsToStandalone() {
    assertThatThrownBy(() -> new FixedContext("demo", "1.2.3").services())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Services.standalone");
  }

  public interface Greeter {
    String greet(String name);
  }

  public static final class LoggingGreeter implements Greeter, StatefulService {
    private final ServiceContext context;

    public LoggingGreeter(ServiceContext context) {
      this.context = context;
    }

    @Override
    public String greet(String name) {
      log().add("greet " + name);
      return "hello " + name + " from " + context.application().name() + " " + context.version();
    }

    @SuppressWarnings("unchecked")
    private List<String> log() {
      return context.resource(List.class);
    }

    @Override
    public void activate() {
      log().add("activated");
    }

    @Override
    public Map<String, Object> exportState() {
      return Map.of();
    }

    @Override
    public void importState(Map<String, Object> state) {}
  }

  public static final class PlainGreeter implements Greeter {
    @Override
    public String greet(String name) {
      return "hi " + name;
    }
  }

  public static final class NamedGreeter implements Greeter {
    public NamedGreeter(String unused) {}

    @Override
    public String greet(String name) {
      return name;
    }
  }
}

package dev.molt.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.services.sample.Counter;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A contract in a loader that, like an application's in a node, cannot see this module. */
class ServiceHandleIsolationTest {

  @Test
  void handle_contractInALoaderBlindToThisModule_isDefinedThereAndForwards() throws Exception {
    URL testClasses = Counter.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader app = new URLClassLoader("isolated-app", new URL[] {testClasses},
        ClassLoader.getPlatformClassLoader())) {
      Class<?> contract = app.loadClass(Counter.class.getName());
      Object target = app.loadClass("dev.molt.services.sample.CountingService")
          .getConstructor(String.class, long.class, Supplier.class)
          .newInstance("isolated", 41L, (Supplier<Object>) () -> null);
      assertThat(contract).isNotSameAs(Counter.class);
      assertThatThrownBy(() -> app.loadClass(ServiceHandle.class.getName()))
          .isInstanceOf(ClassNotFoundException.class);

      ServiceHandle<?> handle = create(contract, target);

      assertThat(handle.handle().getClass().getClassLoader()).isSameAs(app);
      assertThat(contract.getMethod("increment").invoke(handle.handle())).isEqualTo(42L);
      assertThat(contract.getMethod("origin").invoke(handle.handle()))
          .isEqualTo("override isolated");
    }
  }

  private static <T> ServiceHandle<T> create(Class<T> contract, Object target)
      throws InvalidContractException {
    return ServiceHandle.create(contract, contract.cast(target));
  }
}

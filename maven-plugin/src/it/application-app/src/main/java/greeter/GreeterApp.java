package greeter;

import dev.molt.api.Application;
import dev.molt.api.ApplicationContext;

/** An application the node starts and stops. */
public final class GreeterApp implements Application {
  @Override
  public void start(ApplicationContext context) {
    System.out.println("greeter started");
  }

  @Override
  public void stop() {
    System.out.println("greeter stopped");
  }
}

package edge.impl;

import edge.api.Greeter;

/** The provider registered in META-INF/services/edge.api.Greeter. */
public class HelloGreeter implements Greeter {
  @Override
  public String greet() {
    return "HelloGreeter";
  }
}

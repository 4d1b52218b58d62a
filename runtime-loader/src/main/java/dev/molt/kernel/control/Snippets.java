package dev.molt.kernel.control;

import dev.molt.kernel.call.CallException;
import dev.molt.kernel.node.Node;
import java.util.Map;

/** Java source for {@code rpc}/{@code eval}, run by the Java shell. */
final class Snippets {
  private Snippets() {}

  static String evaluate(Node node, Map<String, ClassLoader> loaders, String source)
      throws Throwable {
    throw new CallException("Java snippets are not supported yet; call pkg.Class.method instead");
  }
}

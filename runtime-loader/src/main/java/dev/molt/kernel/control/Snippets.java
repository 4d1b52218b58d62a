package dev.molt.kernel.control;

import dev.molt.kernel.call.CallException;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.shell.EvalResult;
import dev.molt.kernel.shell.JavaShell;
import dev.molt.kernel.shell.ShellUnavailableException;
import java.util.Map;

/**
 * Java source for {@code rpc}/{@code eval}, run by a fresh Java shell (declarations do not
 * survive the call).
 */
final class Snippets {
  private Snippets() {}

  /**
   * @return what the snippets printed, then the last value and a newline
   * @throws CallException when the shell is unavailable or the source does not compile
   * @throws Throwable what a snippet threw, wrapped in {@link SnippetThrewException} when it
   *     printed something first
   */
  static String evaluate(Node node, Map<String, ClassLoader> loaders, String source)
      throws Throwable {
    EvalResult result;
    try (JavaShell shell = ReleaseShells.open(node, loaders)) {
      result = shell.evaluate(source);
    } catch (ShellUnavailableException e) {
      throw new CallException(e.getMessage() + "; or call a static method: pkg.Class.method ARG…",
          e);
    }
    if (result.exception().isPresent()) {
      String printed = result.output() + result.errorOutput();
      throw printed.isEmpty() ? result.exception().get()
          : new SnippetThrewException(printed, result.exception().get());
    }
    if (!result.diagnostics().isEmpty()) {
      throw new CallException("the Java source does not compile:\n" + result.failureReport()
          .stripTrailing());
    }
    return result.output() + result.errorOutput() + result.value().map(v -> v + "\n").orElse("");
  }
}

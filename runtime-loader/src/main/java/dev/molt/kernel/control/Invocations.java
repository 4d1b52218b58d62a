package dev.molt.kernel.control;

import dev.molt.kernel.call.CallException;
import dev.molt.kernel.call.StaticCall;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.node.NodeApp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of {@code rpc} and {@code eval}, and running them against a node's class
 * loaders:
 *
 * <pre>
 * [--app NAME] pkg.Class.method [arg…]   a public static method, text arguments converted
 * [--app NAME] &lt;Java expression…&gt;        evaluated by the Java shell (needs jdk.jshell)
 * [--app NAME] --file                    the request's input is Java source for the shell
 * </pre>
 *
 * <p>{@code --app} picks the application whose class loader is searched first (when two apps hold
 * two versions of one class); for a library, the applications holding it. Thread-safe.
 */
public final class Invocations {
  private final Node node;

  public Invocations(Node node) {
    this.node = node;
  }

  /**
   * Runs one invocation and returns what to print: the result and a newline, nothing for a void
   * method.
   *
   * @throws CallException when the arguments or the target are wrong; nothing ran
   * @throws Throwable what the called code threw
   */
  public String run(List<String> args, Script script) throws Throwable {
    int i = 0;
    Optional<String> app = Optional.empty();
    if (args.size() >= 2 && args.get(0).equals("--app")) {
      app = Optional.of(args.get(1));
      i = 2;
    }
    List<String> rest = args.subList(i, args.size());
    if (rest.isEmpty()) {
      throw new CallException("nothing to run; give pkg.Class.method [args…], a Java expression,"
          + " or --file SCRIPT");
    }
    Map<String, ClassLoader> loaders = loaders(app);
    if (rest.get(0).equals("--file")) {
      return Snippets.evaluate(node, loaders, script.read());
    }
    if (StaticCall.isTarget(rest.get(0))) {
      Object result = StaticCall.invoke(loaders, rest.get(0), rest.subList(1, rest.size()));
      return result == StaticCall.VOID ? "" : result + "\n";
    }
    return Snippets.evaluate(node, loaders, String.join(" ", rest));
  }

  /** Where {@code --file} takes its source from; read only for {@code --file}. */
  @FunctionalInterface
  public interface Script {
    /**
     * @throws CallException when there is no script to read
     */
    String read() throws CallException;
  }

  private Map<String, ClassLoader> loaders(Optional<String> first) throws CallException {
    Map<String, ClassLoader> all = appLoaders(node);
    Map<String, ClassLoader> loaders = new LinkedHashMap<>();
    if (first.isPresent()) {
      NodeApp app = node.app(first.get()).orElseThrow(() -> new CallException("no app "
          + first.get() + " in release " + node.descriptor().name() + " "
          + node.descriptor().version() + "; apps: " + names()));
      // A library has no loader: the applications holding it on their class path come first.
      List<String> chosen = app.loader().isPresent() ? List.of(app.name())
          : node.descriptor().applicationsHolding(app.name()).stream().map(a -> a.name()).toList();
      chosen.forEach(name -> loaders.put(name, all.get(name)));
    }
    all.forEach(loaders::putIfAbsent);
    return loaders;
  }

  /**
   * Every application's loader by app name, the last app of the release first: dependents before
   * the apps they depend on, whose classes their loaders see anyway. Libraries have no loader.
   * While an application runs, its loader here is its class view: a class of a service's unit
   * resolves to the live unit's class, not to the application loader's copy.
   */
  static Map<String, ClassLoader> appLoaders(Node node) {
    Map<String, ClassLoader> loaders = new LinkedHashMap<>();
    List<NodeApp> apps = node.apps();
    for (int k = apps.size() - 1; k >= 0; k--) {
      NodeApp app = apps.get(k);
      app.loader().ifPresent(loader -> loaders.put(app.name(), app.services()
          .flatMap(s -> s.classes()).map(v -> v.loader()).orElse(loader)));
    }
    return loaders;
  }

  private String names() {
    return String.join(", ", node.apps().stream().map(NodeApp::name).toList());
  }
}

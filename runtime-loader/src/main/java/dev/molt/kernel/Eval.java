package dev.molt.kernel;

import dev.molt.kernel.call.CallException;
import dev.molt.kernel.control.Invocations;
import dev.molt.kernel.control.SnippetThrewException;
import dev.molt.kernel.node.Failures;
import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.Node;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code eval}: Distillery's clean node. Loads the release (verified jars, resolved config, one
 * loader per app) without starting any app, runs one invocation and returns its exit code.
 */
final class Eval {
  private Eval() {}

  static int run(Path root, String version, List<String> args, Map<String, String> env,
      PrintStream out, PrintStream err) throws KernelException {
    Node node = Boot.load(root, version, env);
    Optional<String> input = Optional.empty();
    if (args.contains("--file")) {
      try {
        input = Optional.of(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new KernelException("cannot read the script from standard input: " + e, e);
      }
    }
    try {
      out.print(new Invocations(node).run(args, input));
      return Main.OK;
    } catch (CallException e) {
      err.println("molt: " + e.getMessage());
      return Main.FAILURE;
    } catch (SnippetThrewException e) {
      out.print(e.output());
      err.println("molt: eval failed: " + Failures.describe(e.getCause()));
      Failures.causes(e.getCause()).forEach(c -> err.println("molt:   caused by: " + c));
      return Main.FAILURE;
    } catch (Throwable t) { // the evaluated code failed: show it all, as rpc does
      err.println("molt: eval failed: " + Failures.describe(t));
      Failures.causes(t).forEach(c -> err.println("molt:   caused by: " + c));
      return Main.FAILURE;
    }
  }
}

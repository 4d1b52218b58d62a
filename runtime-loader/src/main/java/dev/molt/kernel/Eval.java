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

/**
 * {@code eval}: Distillery's clean node. Loads the release (verified jars, resolved config, one
 * loader per app) without starting any app, runs one invocation and returns its exit code.
 */
final class Eval {
  private Eval() {}

  private static String readStdin() throws CallException {
    try {
      return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CallException("cannot read the script from standard input: " + e, e);
    }
  }

  static int run(Path root, String version, List<String> args, Map<String, String> env,
      PrintStream out, PrintStream err) throws KernelException {
    Node node = Boot.load(root, version, env);
    try {
      out.print(new Invocations(node).run(args, Eval::readStdin));
      return Main.OK;
    } catch (CallException e) {
      err.println("molt: " + e.getMessage());
      return Main.FAILURE;
    } catch (Throwable t) { // the evaluated code failed: what it printed, then what it threw
      Throwable thrown = t;
      if (t instanceof SnippetThrewException printed) {
        out.print(printed.output());
        thrown = printed.getCause();
      }
      Failures.report(err, "eval failed: ", thrown);
      return Main.FAILURE;
    }
  }
}

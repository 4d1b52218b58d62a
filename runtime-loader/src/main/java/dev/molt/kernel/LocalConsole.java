package dev.molt.kernel;

import dev.molt.kernel.control.ReleaseShells;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.shell.JavaShell;
import dev.molt.kernel.shell.ShellUnavailableException;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code console}: the Java shell on this process's stdin and stdout, over the running node; the
 * caller stops the node when it returns.
 */
final class LocalConsole {
  private LocalConsole() {}

  static void run(Node node, PrintStream err) {
    // The shell replaces System.out with a stream that routes snippet output back to the shell:
    // the console must write to the stream as it was before, or it would write to itself.
    PrintStream out = System.out;
    try (JavaShell shell = ReleaseShells.open(node)) {
      shell.interactive(System.in, out, err, "Molt console on "
          + node.descriptor().name() + " " + node.descriptor().version() + ". The apps are"
          + " running; /help for commands, /exit (or end of input) stops the node.");
    } catch (ShellUnavailableException e) {
      err.println("molt: " + e.getMessage() + "; the node runs without a shell: stop it with"
          + " bin/" + node.descriptor().name() + " stop");
      Boot.awaitForever();
    } catch (IOException e) {
      err.println("molt: the console's input failed (" + e + "); stopping the node");
    }
  }
}

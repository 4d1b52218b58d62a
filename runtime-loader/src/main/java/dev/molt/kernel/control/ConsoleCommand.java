package dev.molt.kernel.control;

import dev.molt.control.ConsoleStream;
import dev.molt.control.Request;
import dev.molt.control.Response;
import dev.molt.control.Session;
import dev.molt.control.StreamHandler;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.shell.JavaShell;
import dev.molt.kernel.shell.ShellUnavailableException;
import java.io.IOException;

/**
 * {@code remote_console}: a Java shell of the running node, over the channel. Leaving it (or the
 * client going away) ends only the shell.
 */
final class ConsoleCommand implements StreamHandler {
  private final Node node;

  ConsoleCommand(Node node) {
    this.node = node;
  }

  @Override
  public Response handle(Request request, ConsoleStream stream, Session session)
      throws IOException {
    if (!request.command().equals("remote_console")) {
      return Response.failed(2, "unknown stream command '" + request.command()
          + "'; this node streams only remote_console\n");
    }
    try (JavaShell shell = ReleaseShells.open(node)) {
      shell.interactive(stream.in(), stream.out(), stream.err(), banner(node));
      return Response.ok("");
    } catch (ShellUnavailableException e) {
      stream.err().println("molt: " + e.getMessage());
      return Response.failed(1, "");
    }
  }

  static String banner(Node node) {
    return "Molt console on " + node.descriptor().name() + " " + node.descriptor().version()
        + " (pid " + ProcessHandle.current().pid() + "). The apps' classes are the live ones."
        + " /help for commands, /exit to leave.";
  }
}

package dev.molt.kernel.control;

import dev.molt.control.ConsoleStream;
import dev.molt.control.Request;
import dev.molt.control.Response;
import dev.molt.control.Session;
import dev.molt.control.StreamHandler;
import dev.molt.kernel.node.Node;

/** {@code remote_console}: the Java shell of the running node, over the channel. */
final class ConsoleCommand implements StreamHandler {
  private final Node node;

  ConsoleCommand(Node node) {
    this.node = node;
  }

  @Override
  public Response handle(Request request, ConsoleStream stream, Session session) {
    if (!request.command().equals("remote_console")) {
      return Response.failed(2, "unknown stream command '" + request.command()
          + "'; this node streams only remote_console\n");
    }
    stream.err().println("molt: the Java shell is not available yet in node "
        + node.descriptor().name());
    return Response.failed(1, "");
  }
}

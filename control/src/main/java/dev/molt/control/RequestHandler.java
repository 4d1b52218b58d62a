package dev.molt.control;

/**
 * Executes one command on the node. Called only for authenticated connections, on a pool thread
 * whose context class loader is set by {@link ControlServer.Builder#contextClassLoader}. May be
 * called concurrently for different connections. Anything it throws becomes a {@link
 * Response#thrown} response; the server keeps serving.
 */
@FunctionalInterface
public interface RequestHandler {
  Response handle(Request request, Session session) throws Exception;
}

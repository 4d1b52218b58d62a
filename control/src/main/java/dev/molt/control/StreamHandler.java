package dev.molt.control;

/**
 * Runs an interactive command ({@code remote_console}): reads the client's input from {@link
 * ConsoleStream#in()} until it ends, writes to {@link ConsoleStream#out()} / {@link
 * ConsoleStream#err()}, and returns the response that closes the stream (usually {@code
 * Response.ok("")}). Same threading and error rules as {@link RequestHandler}.
 */
@FunctionalInterface
public interface StreamHandler {
  Response handle(Request request, ConsoleStream stream, Session session) throws Exception;
}

package dev.molt.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The node's answer to a {@link Request}, and the end of a console stream. Immutable and
 * thread-safe; no component is null.
 *
 * @param status {@code OK} when the command succeeded, {@code FAILED} when it ran and failed,
 *     {@code EXCEPTION} when it threw (then {@code thrown} holds the cause chain)
 * @param output text for the client's stdout
 * @param error text for the client's stderr
 * @param exitCode what {@code bin/<name>} exits with
 * @param thrown the exception and its causes, outermost first; empty unless {@code EXCEPTION}
 */
public record Response(Status status, String output, String error, int exitCode, List<RemoteThrowable> thrown) {
  /** How the command ended. */
  public enum Status { OK, FAILED, EXCEPTION }

  public Response {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(error, "error");
    thrown = List.copyOf(thrown);
  }

  /** Success with the given stdout text, exit code 0. */
  public static Response ok(String output) {
    return new Response(Status.OK, output, "", 0, List.of());
  }

  /** The command ran and failed: stderr text and a non-zero exit code. */
  public static Response failed(int exitCode, String error) {
    if (exitCode == 0) {
      throw new IllegalArgumentException("a failed response needs a non-zero exit code");
    }
    return new Response(Status.FAILED, "", error, exitCode, List.of());
  }

  /** The command threw: class, message and cause chain, rendered on stderr; exit code 1. */
  public static Response thrown(Throwable t) {
    List<RemoteThrowable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      chain.add(RemoteThrowable.of(c));
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < chain.size(); i++) {
      text.append(i == 0 ? "" : "Caused by: ").append(chain.get(i)).append('\n');
    }
    return new Response(Status.EXCEPTION, "", text.toString(), 1, chain);
  }
}

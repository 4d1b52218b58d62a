package dev.molt.kernel.control;

import dev.molt.control.Request;
import dev.molt.control.RequestHandler;
import dev.molt.control.Response;
import dev.molt.control.Session;
import dev.molt.kernel.call.CallException;
import dev.molt.kernel.node.ConfigChanges;
import dev.molt.kernel.node.Failures;
import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.Node;
import dev.molt.kernel.node.NodeApp;
import dev.molt.kernel.node.NodeDescription;
import dev.molt.kernel.spi.Extensions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node's side of {@code bin/<name>}'s commands: {@code ping}, {@code pid}, {@code describe},
 * {@code stop}, {@code restart}, {@code reload_config} and {@code rpc}, and the commands of the
 * node's extensions (the upgrade engine's). Runs on the control server's connection threads; may
 * run concurrently.
 */
final class NodeCommands implements RequestHandler {
  private final Node node;
  private final NodeActions actions;
  private final Path socket;
  private final Map<String, String> env;
  private final Invocations invocations;
  private final Extensions extensions;

  /** The kernel's own commands; extensions may not take these names. */
  static final Set<String> KERNEL_COMMANDS = Set.of("ping", "pid", "describe", "stop", "restart",
      "reload_config", "rpc", "remote_console");

  NodeCommands(Node node, NodeActions actions, Path socket, Map<String, String> env,
      Extensions extensions) {
    this.node = node;
    this.extensions = extensions;
    this.actions = actions;
    this.socket = socket;
    this.env = Map.copyOf(env);
    this.invocations = new Invocations(node);
  }

  @Override
  public Response handle(Request request, Session session) throws Exception {
    String name = node.descriptor().name();
    return switch (request.command()) {
      case "ping" -> actions.started() ? Response.ok("pong\n")
          : Response.failed(1, name + " is starting; its apps are not all up yet\n");
      case "pid" -> Response.ok(ProcessHandle.current().pid() + "\n");
      case "describe" -> Response.ok(String.join("\n", describe()) + "\n");
      case "stop" -> {
        actions.stopAndExit();
        yield Response.ok("");
      }
      case "restart" -> restart();
      case "reload_config" -> reloadConfig();
      case "rpc" -> rpc(request);
      default -> extension(request, session);
    };
  }

  private Response extension(Request request, Session session) throws Exception {
    Optional<RequestHandler> handler = extensions.command(request.command());
    if (handler.isPresent()) {
      return handler.get().handle(request, session);
    }
    StringBuilder known = new StringBuilder(
        "ping, pid, describe, stop, restart, reload_config, rpc, remote_console");
    extensions.commandNames().forEach(c -> known.append(", ").append(c));
    return Response.failed(2, "unknown command '" + request.command() + "' for "
        + node.descriptor().name() + "; this node knows " + known + "\n");
  }

  private Response rpc(Request request) {
    try {
      return Response.ok(invocations.run(request.args(), () -> request.input().orElseThrow(
          () -> new CallException("--file needs the script as the request's input; run"
              + " bin/<name> rpc --file SCRIPT"))));
    } catch (CallException e) {
      return Response.failed(1, "molt: " + e.getMessage() + "\n");
    } catch (SnippetThrewException e) {
      Response thrown = Response.thrown(e.getCause());
      return new Response(thrown.status(), e.output(), thrown.error(), thrown.exitCode(),
          thrown.thrown());
    } catch (Throwable t) { // what the called method threw, Errors included: report, keep serving
      return Response.thrown(t);
    }
  }

  private Response restart() {
    try {
      return Response.ok(actions.restartApps() + "\n");
    } catch (KernelException e) { // refused, or an app failed to start again: a message, exit 1
      return Response.failed(1, "molt: " + e.getMessage() + "\n");
    }
  }

  private Response reloadConfig() {
    ConfigChanges changes;
    try {
      changes = node.reloadConfig(env);
    } catch (KernelException e) {
      return Response.failed(1, "molt: " + e.getMessage() + "; nothing was changed\n");
    }
    StringBuilder out = new StringBuilder();
    changes.changed().forEach((app, keys) ->
        out.append(app).append(": ").append(String.join(", ", keys)).append('\n'));
    if (changes.changed().isEmpty()) {
      out.append("no configuration changed\n");
    }
    if (changes.failures().isEmpty()) {
      return Response.ok(out.toString());
    }
    StringBuilder err = new StringBuilder();
    changes.failures().forEach(f -> err.append("molt: app ").append(f.app()).append(' ')
        .append(f.version()).append(" configChanged failed: ")
        .append(Failures.describe(f.error())).append('\n'));
    return new Response(Response.Status.FAILED, out.toString(), err.toString(), 1, List.of());
  }

  private List<String> describe() {
    List<String> lines = new ArrayList<>(NodeDescription.lines(node.descriptor(), node.root()));
    lines.add("node:");
    lines.add("  state: " + (actions.started() ? "running" : "starting"));
    lines.add("  pid: " + ProcessHandle.current().pid());
    lines.add("  uptime: " + uptime(Duration.between(node.startedAt(), Instant.now())));
    lines.add("  loaded release: " + node.descriptor().version());
    lines.add("  control socket: " + socket);
    lines.add("live apps:");
    for (NodeApp app : node.apps()) {
      lines.add("  " + app.label() + " " + (app.spec().isLibrary() ? "library"
          : app.state().name().toLowerCase(java.util.Locale.ROOT)));
    }
    lines.addAll(extensions.describeLines());
    return lines;
  }

  static String uptime(Duration d) {
    long s = d.toSeconds();
    return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s"
        : (s / 3600) + " h " + (s % 3600 / 60) + " min";
  }
}

package dev.molt.upgrade.extension;

import dev.molt.control.Request;
import dev.molt.control.RequestHandler;
import dev.molt.control.Response;
import dev.molt.control.Session;
import dev.molt.format.InstalledRelease;
import dev.molt.format.ReleasesFile;
import dev.molt.kernel.node.Node;
import dev.molt.upgrade.Direction;
import dev.molt.upgrade.ExitCodes;
import dev.molt.upgrade.UpgradeEngine;
import dev.molt.upgrade.UpgradeException;
import dev.molt.upgrade.UpgradeRequest;
import dev.molt.upgrade.UpgradeResult;
import java.time.Duration;
import java.util.List;

/** The engine's control-channel commands; each answer's exit code is one of {@link ExitCodes}. */
final class EngineCommands implements RequestHandler {
  /** The commands, in the order {@code help} lists them. */
  static final List<String> NAMES =
      List.of("upgrade", "downgrade", "plan", "releases", "make_permanent", "unpack", "install",
          "remove", "await_upgrade");
  /** How long {@code await_upgrade} waits at most for the new JVM to finish an upgrade. */
  static final Duration AWAIT_LIMIT = Duration.ofMinutes(10);

  private final UpgradeEngine engine;
  private final Node node;

  EngineCommands(UpgradeEngine engine, Node node) {
    this.engine = engine;
    this.node = node;
  }

  @Override
  public Response handle(Request request, Session session) {
    switch (request.command()) {
      case "upgrade":
        return move(request, Direction.UP);
      case "downgrade":
        return move(request, Direction.DOWN);
      case "plan":
        return plan(request);
      case "releases":
        return releases();
      case "make_permanent":
        return makePermanent(request);
      case "await_upgrade":
        return awaitUpgrade(request);
      case "unpack":
        return InstallCommands.unpack(engine, request);
      case "install":
        return install(request);
      case "remove":
        return InstallCommands.remove(engine, request);
      default:
        return Response.failed(ExitCodes.USAGE, "molt: not an upgrade command: "
            + request.command() + "\n");
    }
  }

  private Response move(Request request, Direction direction) {
    return move(request, direction, false);
  }

  /** {@code install <vsn>}: whichever of upgrade and downgrade the relups say. */
  private Response install(Request request) {
    return move(request, Direction.UP, true);
  }

  private Response move(Request request, Direction direction, boolean install) {
    UpgradeRequest parsed;
    try {
      parsed = parse(request.args(), direction);
    } catch (IllegalArgumentException e) {
      return Response.failed(ExitCodes.USAGE, "molt: " + (install
          ? e.getMessage().replace("usage: upgrade", "usage: install") : e.getMessage()) + "\n");
    }
    try {
      String name = node.descriptor().name();
      UpgradeResult result = install ? engine.install(parsed) : engine.upgrade(parsed);
      StringBuilder out = new StringBuilder((install ? "install" : direction.command()) + " "
          + name + " " + result.from() + " -> " + result.to() + "\n");
      result.report().forEach(l -> out.append(l).append('\n'));
      if (result.restartPending()) {
        // bin/<name> reads the exit code: it stops the node, starts it, and asks await_upgrade
        out.append(name).append(" restarts into ").append(result.to()).append('\n');
        return new Response(Response.Status.OK, out.toString(), "", ExitCodes.RESTART_JVM,
            List.of());
      }
      out.append(name).append(' ').append(result.to())
          .append(" is running, ").append(result.state().json()).append('\n');
      return Response.ok(out.toString());
    } catch (UpgradeException e) {
      return failure(e);
    }
  }

  private Response plan(Request request) {
    if (request.args().size() != 1) {
      return Response.failed(ExitCodes.USAGE, "molt: usage: plan <vsn>\n");
    }
    String version = request.args().get(0);
    Direction direction = isDowngrade(version) ? Direction.DOWN : Direction.UP;
    try {
      List<String> steps = engine.plan(new UpgradeRequest(version, direction, false,
          UpgradeRequest.DEFAULT_HOOK_TIMEOUT));
      StringBuilder out = new StringBuilder(direction.command() + " " + node.descriptor().name()
          + " " + engine.runningVersion() + " -> " + version + " would run:\n");
      steps.forEach(s -> out.append("  ").append(s).append('\n'));
      return Response.ok(out.toString());
    } catch (UpgradeException e) {
      return failure(e);
    }
  }

  private Response releases() {
    try {
      ReleasesFile file = engine.releases();
      StringBuilder out = new StringBuilder();
      for (InstalledRelease r : file.releases()) {
        boolean runs = r.version().equals(engine.runningVersion());
        out.append(String.format("%-12s %-10s%s%n", r.version(), r.state().json(),
            runs ? " running" : ""));
      }
      engine.purges().lines().forEach(l -> out.append(l).append('\n'));
      return Response.ok(out.toString());
    } catch (UpgradeException e) {
      return failure(e);
    }
  }

  private Response makePermanent(Request request) {
    if (request.args().size() != 1) {
      return Response.failed(ExitCodes.USAGE, "molt: usage: make_permanent <vsn>\n");
    }
    try {
      engine.makePermanent(request.args().get(0));
      return Response.ok(node.descriptor().name() + " " + request.args().get(0)
          + " is permanent" + (request.args().get(0).equals(engine.runningVersion()) ? ""
          : "; the node boots it at the next reboot") + "\n");
    } catch (UpgradeException e) {
      return failure(e);
    }
  }

  /** The outcome of the restart_jvm upgrade this (new) JVM finishes; waits for it, bounded. */
  private Response awaitUpgrade(Request request) {
    if (!request.args().isEmpty()) {
      return Response.failed(ExitCodes.USAGE, "molt: usage: await_upgrade\n");
    }
    try {
      UpgradeResult result = engine.awaitRestart(AWAIT_LIMIT);
      StringBuilder out = new StringBuilder();
      result.report().forEach(l -> out.append(l).append('\n'));
      out.append(node.descriptor().name()).append(' ').append(result.to())
          .append(" is running, ").append(result.state().json()).append('\n');
      return Response.ok(out.toString());
    } catch (UpgradeException e) {
      return failure(e);
    }
  }

  /** A downgrade when the target is installed and older in RELEASES.json's order of install. */
  private boolean isDowngrade(String version) {
    try {
      List<InstalledRelease> releases = engine.releases().releases();
      int target = -1;
      int running = -1;
      for (int i = 0; i < releases.size(); i++) {
        target = releases.get(i).version().equals(version) ? i : target;
        running = releases.get(i).version().equals(engine.runningVersion()) ? i : running;
      }
      return target >= 0 && running >= 0 && target < running;
    } catch (UpgradeException e) {
      return false;
    }
  }

  static Response failure(UpgradeException e) {
    StringBuilder err = new StringBuilder("molt: " + e.getMessage() + "\n");
    if (!e.report().isEmpty()) {
      err.append("steps:\n");
      e.report().forEach(l -> err.append(l).append('\n'));
    }
    return new Response(Response.Status.FAILED, "", err.toString(), e.exitCode(), List.of());
  }

  static UpgradeRequest parse(List<String> args, Direction direction) {
    String usage = "usage: " + direction.command() + " <vsn> [--trial] [--hook-timeout SECONDS]";
    String version = null;
    boolean trial = false;
    Duration timeout = UpgradeRequest.DEFAULT_HOOK_TIMEOUT;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--trial")) {
        trial = true;
      } else if (a.equals("--hook-timeout") && i + 1 < args.size()) {
        timeout = Duration.ofSeconds(seconds(args.get(++i), usage));
      } else if (!a.startsWith("-") && version == null) {
        version = a;
      } else {
        throw new IllegalArgumentException("unexpected argument '" + a + "'; " + usage);
      }
    }
    if (version == null) {
      throw new IllegalArgumentException(usage);
    }
    return new UpgradeRequest(version, direction, trial, timeout);
  }

  private static long seconds(String text, String usage) {
    try {
      long s = Long.parseLong(text);
      if (s > 0 && s <= 86_400) {
        return s;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--hook-timeout needs whole seconds from 1 to 86400, not '"
        + text + "'; " + usage);
  }
}

package dev.molt.kernel;

import dev.molt.format.FormatException;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.kernel.node.AppFailure;
import dev.molt.kernel.node.AppStartException;
import dev.molt.kernel.node.Failures;
import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.NodeDescription;
import dev.molt.kernel.node.NodeLockedException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The kernel's command line, run by {@code bin/<name>} inside the release JVM:
 *
 * <pre>
 * dev.molt.kernel.Main boot &lt;root&gt; &lt;vsn&gt;              start the release's apps; run until SIGTERM or stop
 * dev.molt.kernel.Main console &lt;root&gt; &lt;vsn&gt;           the same, with a Java shell on stdin/stdout
 * dev.molt.kernel.Main describe &lt;root&gt; &lt;vsn&gt;          print the release (name, version, runtime, apps)
 * dev.molt.kernel.Main eval &lt;root&gt; &lt;vsn&gt; &lt;what…&gt;      run code with the release's loaders, apps not started
 * </pre>
 *
 * <p>{@code eval} takes what {@code rpc} takes: {@code pkg.Class.method [arg…]}, a Java expression,
 * or {@code --file} with the source on stdin; each optionally after {@code --app NAME}.
 *
 * <p>Exit codes: 0 ok, 1 failure, 2 usage, 7 another node of the root runs or is starting.
 * Results go to stdout; diagnostics to stderr, each line prefixed {@code molt: }. Exceptions become exit codes here and nowhere else.
 */
public final class Main {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  /** Another node of the release root runs or is starting ({@link NodeLock}). */
  static final int ALREADY_RUNNING = 7;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Runs one command; returns its exit code ({@code boot} returns only when it fails). */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    String command = args.length == 0 ? "" : args[0];
    boolean known = switch (command) {
      case "boot", "console", "describe" -> args.length == 3;
      case "eval" -> args.length > 3;
      default -> false;
    };
    if (!known) {
      return usage(err);
    }
    try {
      Path root = Path.of(args[1]).toAbsolutePath().normalize();
      switch (command) {
        case "describe" -> describe(root, args[2], out);
        case "eval" -> {
          return Eval.run(root, args[2], List.of(args).subList(3, args.length), env, out, err);
        }
        default -> Boot.run(root, args[2], env, err, command.equals("console"));
      }
      return OK;
    } catch (InvalidPathException e) {
      return usage(err);
    } catch (AppStartException e) {
      err.println("molt: " + e.getMessage());
      if (e.getCause() != null) {
        Failures.causes(e.getCause()).forEach(c -> err.println("molt:   caused by: " + c));
        if (Boolean.getBoolean(Boot.TRACE)) {
          e.getCause().printStackTrace(err);
        }
      }
      for (AppFailure failure : e.rollbackFailures()) {
        Lifecycle.report(err, "app " + failure.app() + " " + failure.version()
            + " failed to stop: ", failure);
      }
      return FAILURE;
    } catch (NodeLockedException e) {
      err.println("molt: " + e.getMessage());
      return ALREADY_RUNNING;
    } catch (KernelException e) {
      err.println("molt: " + e.getMessage());
      return FAILURE;
    } catch (RuntimeException e) {
      err.println("molt: internal error: " + e);
      e.printStackTrace(err);
      return FAILURE;
    } finally {
      err.flush();
      out.flush();
    }
  }

  private static void describe(Path root, String version, PrintStream out)
      throws KernelException {
    Path file = root.resolve("releases").resolve(version).resolve("release.json");
    ReleaseDescriptor release;
    try {
      release = Formats.readRelease(file);
    } catch (FormatException e) {
      throw new KernelException(e.getMessage(), e);
    }
    NodeDescription.lines(release, root).forEach(out::println);
  }

  private static int usage(PrintStream err) {
    err.println("molt: usage: dev.molt.kernel.Main boot|console|describe <release root> <version>");
    err.println("molt:        dev.molt.kernel.Main eval <release root> <version> <what...>");
    err.println("molt:   boot      start the release's apps; runs until SIGTERM or stop");
    err.println("molt:   console   boot, then a Java shell on stdin; leaving it stops the node");
    err.println("molt:   describe  print name, version, runtime and apps of the release");
    err.println("molt:   eval      [--app NAME] pkg.Class.method [arg...] | <Java expression> | --file"
        + " (source on stdin), with the release's class loaders and no app started");
    err.println("molt: exit codes: 0 ok, 1 failure, 2 usage, 7 another node of the root runs");
    return USAGE;
  }
}

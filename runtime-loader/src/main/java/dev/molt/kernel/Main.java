package dev.molt.kernel;

import dev.molt.format.FormatException;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.kernel.node.AppFailure;
import dev.molt.kernel.node.AppStartException;
import dev.molt.kernel.node.Failures;
import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.NodeDescription;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The kernel's command line, run by {@code bin/<name>} inside the release JVM:
 *
 * <pre>
 * dev.molt.kernel.Main boot &lt;root&gt; &lt;vsn&gt;       start the release's apps and run until SIGTERM
 * dev.molt.kernel.Main describe &lt;root&gt; &lt;vsn&gt;   print the release (name, version, runtime, apps)
 * </pre>
 *
 * <p>Exit codes: 0 ok, 1 failure, 2 usage. Results go to stdout; diagnostics to stderr, each line
 * prefixed {@code molt: }. Exceptions become exit codes here and nowhere else.
 */
public final class Main {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Runs one command; returns its exit code ({@code boot} returns only when it fails). */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    if (args.length != 3 || !(args[0].equals("boot") || args[0].equals("describe"))) {
      return usage(err);
    }
    try {
      Path root = Path.of(args[1]).toAbsolutePath().normalize();
      if (args[0].equals("describe")) {
        describe(root, args[2], out);
      } else {
        Boot.run(root, args[2], env, err);
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
    err.println("molt: usage: dev.molt.kernel.Main boot|describe <release root> <version>");
    err.println("molt:   boot      start the release's apps; runs until SIGTERM");
    err.println("molt:   describe  print name, version, runtime and apps of the release");
    err.println("molt: exit codes: 0 ok, 1 failure, 2 usage");
    return USAGE;
  }
}

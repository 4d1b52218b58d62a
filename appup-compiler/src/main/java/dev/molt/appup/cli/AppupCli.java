package dev.molt.appup.cli;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.appup.UpgradePackageResult;
import dev.molt.appup.error.AppupException;
import dev.molt.appup.plan.Gate;
import dev.molt.appup.plan.Plan;
import dev.molt.appup.report.UnchangedApps;
import dev.molt.signature.Signatures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code molt-appup plan|appup|relup|upgrade-package}: the appup compiler for CI. Results go to
 * stdout, diagnostics to stderr. Exit codes: 0 ok, 1 internal error, 2 usage error, 3 the plan
 * fails the {@code --fail-on} gate (nothing is written), 4 invalid input (release, jar, override,
 * signing key).
 */
@Command(name = "molt-appup", mixinStandardHelpOptions = true, version = "molt-appup 0.1.0",
    description = "Diffs releases into hot-upgrade plans (appups, relups) and upgrade packages.",
    subcommands = {AppupCli.PlanCommand.class, AppupCli.AppupCommand.class, AppupCli.RelupCommand.class,
        AppupCli.PackageCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:internal error", "2:usage error",
        "3:the plan fails the --fail-on gate; nothing was written",
        "4:invalid input: release, jar, class file, override or signing key (the message says which)"})
public final class AppupCli implements Callable<Integer> {
  /** The plan needs a step the {@code --fail-on} gate forbids. */
  public static final int GATE_FAILED = 3;
  /** A release, jar, class file, override or request is invalid. */
  public static final int INVALID_INPUT = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  private final Map<String, String> environment;

  private AppupCli(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Runs the CLI and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the CLI with the given writers and returns the exit code; for tests and embedding. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), args);
  }

  /**
   * As {@link #run(PrintWriter, PrintWriter, String...)} with the given environment variables
   * instead of the process's ({@value Signatures#SIGNING_KEY_ENV}).
   */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
    CommandLine cli = new CommandLine(new AppupCli(environment));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof AppupException) {
        line.getErr().println("molt-appup: " + e.getMessage());
        return INVALID_INPUT;
      }
      line.getErr().println("molt-appup: internal error: " + e);
      e.printStackTrace(line.getErr());
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** Options every subcommand shares. */
  static class Inputs {
    @Option(names = "--from", required = true, split = ",", paramLabel = "<dir|tarball>",
        description = "Earlier release(s) to upgrade from: release roots or <name>-<vsn>.tar.gz, comma-separated.")
    List<Path> from = new ArrayList<>();

    @Option(names = "--to", required = true, paramLabel = "<dir|tarball>", description = "The new release.")
    Path to;

    @Option(names = "--overrides", paramLabel = "<dir>",
        description = "Hand-written appups as <dir>/<app>/<from>-<to>.json (e.g. rel/appups).")
    Optional<Path> overrides = Optional.empty();

    @Option(names = "--fail-on", paramLabel = "<gate>", converter = GateConverter.class,
        description = "Exit 3 without writing anything when the plan needs this step or a more "
            + "disruptive one: update, restart or restart_jvm.")
    Optional<Gate> failOn = Optional.empty();

    PlanRequest request() {
      return new PlanRequest(from, to, overrides);
    }
  }

  /** Parses a gate name. */
  static final class GateConverter implements CommandLine.ITypeConverter<Gate> {
    @Override
    public Gate convert(String value) {
      try {
        return Gate.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Returns the exit code of the gate, printing the violations; 0 when the plan passes. */
  static int gate(Inputs in, Plan plan, PrintWriter err) {
    if (in.failOn.isEmpty()) {
      return 0;
    }
    List<String> violations = plan.violations(in.failOn.get());
    if (violations.isEmpty()) {
      return 0;
    }
    err.println("molt-appup: the plan fails --fail-on " + in.failOn.get().cli() + ":");
    violations.forEach(v -> err.println("  " + v));
    return GATE_FAILED;
  }

  @Command(name = "plan", description = {"Print the upgrade plan for humans: per app what changes, how, why, "
      + "the risk; then the number of apps left unchanged (--verbose lists them)."})
  static final class PlanCommand implements Callable<Integer> {
    @CommandLine.Mixin Inputs in;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "List every unchanged app with its version instead of their number.")
    boolean verbose;

    @Override
    public Integer call() throws AppupException {
      Plan plan = AppupCompiler.plan(in.request());
      spec.commandLine().getOut().print(AppupCompiler.describe(plan,
          verbose ? UnchangedApps.list() : UnchangedApps.count("--verbose")));
      spec.commandLine().getOut().flush();
      return gate(in, plan, spec.commandLine().getErr());
    }
  }

  @Command(name = "appup", description = "Write the generated appups to <out>/<app>/<from>-<to>.json for editing.")
  static final class AppupCommand implements Callable<Integer> {
    @CommandLine.Mixin Inputs in;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "<dir>", description = "Default: rel/appups.")
    Path out = Path.of("rel/appups");

    @Override
    public Integer call() throws AppupException, IOException {
      Plan plan = AppupCompiler.plan(in.request());
      int gate = gate(in, plan, spec.commandLine().getErr());
      if (gate != 0) {
        return gate;
      }
      AppupCompiler.writeAppups(plan, out).forEach(spec.commandLine().getOut()::println);
      return 0;
    }
  }

  @Command(name = "relup", description = "Write the relup (up from and down to every --from) to <out>/relup.json.")
  static final class RelupCommand implements Callable<Integer> {
    @CommandLine.Mixin Inputs in;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "<dir>", description = "Default: target.")
    Path out = Path.of("target");

    @Override
    public Integer call() throws AppupException, IOException {
      Plan plan = AppupCompiler.plan(in.request());
      int gate = gate(in, plan, spec.commandLine().getErr());
      if (gate != 0) {
        return gate;
      }
      spec.commandLine().getOut().println(AppupCompiler.writeRelup(plan, out.resolve("relup.json")));
      return 0;
    }
  }

  @Command(name = "upgrade-package",
      description = {"Write <out>/<name>-<vsn>-upgrade.tar.gz (+ .sha256): the new releases/<vsn>/ with the relup "
          + "and the lib/ directories the earlier releases lack. Same inputs, same bytes.",
          "With a signing key, also <package>.sig: an SSH signature that nodes trusting the key require."})
  static final class PackageCommand implements Callable<Integer> {
    @CommandLine.Mixin Inputs in;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.ParentCommand AppupCli parent;

    @Option(names = "--out", paramLabel = "<dir>", description = "Default: target.")
    Path out = Path.of("target");

    @Option(names = "--signing-key", paramLabel = "<file>",
        description = "Sign the package with this Ed25519 private key (unencrypted OpenSSH format, "
            + "from molt keygen or ssh-keygen -t ed25519) into <package>.sig. Default: the file named by "
            + "the environment variable " + Signatures.SIGNING_KEY_ENV + ", if set.")
    Optional<Path> signingKey = Optional.empty();

    @Override
    public Integer call() throws AppupException {
      if (in.failOn.isPresent()) {
        int gate = gate(in, AppupCompiler.plan(in.request()), spec.commandLine().getErr());
        if (gate != 0) {
          return gate;
        }
      }
      Optional<Path> key = signingKey.or(() -> Optional.ofNullable(parent.environment.get(Signatures.SIGNING_KEY_ENV))
          .filter(v -> !v.isBlank()).map(Path::of));
      UpgradePackageResult r = AppupCompiler.upgradePackage(in.request(), out, key);
      spec.commandLine().getOut().println(r.tarball());
      r.signature().ifPresentOrElse(spec.commandLine().getOut()::println,
          () -> spec.commandLine().getErr().println("molt-appup: warning: " + r.tarball() + " is not "
              + "signed: a node whose release trusts keys (releases/<vsn>/trusted-keys/) will refuse it; "
              + "sign it with --signing-key <file> or " + Signatures.SIGNING_KEY_ENV + "=<file>"));
      return 0;
    }
  }
}

package dev.molt.release.cli;

import dev.molt.release.ReleaseBuildException;
import dev.molt.signature.SigningException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code molt} command line: {@code molt init}, {@code molt release} and {@code molt keygen}.
 * Results go to stdout, progress and errors to stderr. Exit codes: 0 ok, 1 the build (or keygen)
 * failed, 2 usage error.
 */
@Command(name = "molt", mixinStandardHelpOptions = true, version = "molt 0.1.0",
    description = "Builds Molt releases from Maven build outputs; makes keys to sign upgrade packages.",
    subcommands = {InitCommand.class, ReleaseCommand.class, KeygenCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:the build (or keygen) failed (the message says why)", "2:usage error"})
public final class MoltCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, out, err));
  }

  /** Runs the command line with the given writers and returns the exit code; for tests too. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new MoltCommand());
    cli.setOut(out);
    cli.setErr(err);
    // The one place where failures become exit codes.
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof ReleaseBuildException || e instanceof SigningException) {
        line.getErr().println("molt: " + e.getMessage());
        return 1;
      }
      line.getErr().println("molt: internal error: " + e);
      e.printStackTrace(line.getErr());
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: init, release or keygen");
  }
}

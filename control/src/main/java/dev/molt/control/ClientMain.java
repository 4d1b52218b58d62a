package dev.molt.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command-line client that {@code bin/<name>} runs for every command that talks to the node:
 *
 * <pre>
 * java -cp molt-control.jar dev.molt.control.ClientMain [--name NAME] [--timeout SECONDS]
 *      [--stdin | --stream] SOCKET COOKIE_FILE COMMAND [ARG...]
 * </pre>
 *
 * Prints the response's output on stdout and its error text on stderr and exits with the
 * command's exit code; the client's own failures exit with the codes below.
 */
public final class ClientMain {
  public static final int EXIT_INTERNAL = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_NOT_RUNNING = 3;
  public static final int EXIT_AUTHENTICATION = 4;
  public static final int EXIT_PROTOCOL = 5;
  public static final int EXIT_ACCESS_DENIED = 6;

  static final String USAGE = String.join("\n",
      "usage: ClientMain [--name NAME] [--timeout SECONDS] [--stdin | --stream] SOCKET COOKIE_FILE COMMAND [ARG...]",
      "  --name NAME        the release name, for messages (default: the node)",
      "  --timeout SECONDS  limit for connecting and the handshake (default 5)",
      "  --stdin            send all of stdin as the command's input",
      "  --stream           interactive: stream stdin to the node and its output back until either ends",
      "  MOLT_COOKIE, when set, overrides COOKIE_FILE.",
      "exit codes: the command's own; 1 internal error, 2 usage, 3 node not running,",
      "  4 cookie rejected or missing, 5 protocol error / version mismatch / connection lost / timeout,",
      "  6 permission denied on the control socket",
      "");

  private ClientMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err, System.getenv()));
  }

  /** The whole client with its streams injected; returns the exit code. */
  static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, Map<String, String> env) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.print("error: " + e.getMessage() + "\n" + USAGE);
      return EXIT_USAGE;
    }
    try {
      byte[] cookie = Cookie.resolve(options.cookieFile, env);
      SocketDirectory.checkWritableOnlyByUs(options.socket.toAbsolutePath().getParent());
      try (ControlClient client = ControlClient.connect(options.socket, cookie, options.timeout, options.name)) {
        Request request = new Request(options.command, options.args, Optional.empty());
        Response response = options.stream ? stream(client, request, stdin, out, err)
            : client.call(options.stdin ? request.withInput(new String(stdin.readAllBytes(), StandardCharsets.UTF_8))
                : request);
        out.print(response.output());
        err.print(response.error());
        out.flush();
        err.flush();
        return response.exitCode();
      }
    } catch (ControlException | IOException e) {
      err.println("error: " + e.getMessage());
      return exitCode(e);
    }
  }

  /** The one place where failures become exit codes. */
  static int exitCode(Exception e) {
    if (e instanceof NodeNotRunningException) {
      return EXIT_NOT_RUNNING;
    }
    if (e instanceof AuthenticationException || e instanceof CookieException) {
      return EXIT_AUTHENTICATION;
    }
    if (e instanceof SocketAccessDeniedException) {
      return EXIT_ACCESS_DENIED;
    }
    if (e instanceof ProtocolException || e instanceof ConnectionClosedException
        || e instanceof ControlTimeoutException) {
      return EXIT_PROTOCOL;
    }
    return EXIT_INTERNAL;
  }

  private static Response stream(ControlClient client, Request request, InputStream stdin, PrintStream out,
      PrintStream err) throws ControlException {
    ConsoleSession console = client.openConsole(request);
    Thread pump = new Thread(() -> {
      try {
        stdin.transferTo(console.input());
        console.closeInput();
      } catch (IOException e) {
        // The node ended the stream or the connection broke; await reports which.
      }
    }, "molt-console-input");
    pump.setDaemon(true);
    pump.start();
    return console.await(out, err);
  }

  private static final class Options {
    String name = "the node";
    Duration timeout = Duration.ofSeconds(5);
    boolean stdin;
    boolean stream;
    Path socket;
    Path cookieFile;
    String command;
    List<String> args = new ArrayList<>();

    static Options parse(String[] argv) {
      Options o = new Options();
      int i = 0;
      for (; i < argv.length && argv[i].startsWith("--"); i++) {
        switch (argv[i]) {
          case "--name": o.name = value(argv, ++i, "--name"); break;
          case "--timeout": o.timeout = seconds(value(argv, ++i, "--timeout")); break;
          case "--stdin": o.stdin = true; break;
          case "--stream": o.stream = true; break;
          default: throw new IllegalArgumentException("unknown option " + argv[i]);
        }
      }
      if (o.stdin && o.stream) {
        throw new IllegalArgumentException("--stdin and --stream exclude each other");
      }
      if (argv.length - i < 3) {
        throw new IllegalArgumentException("expected SOCKET COOKIE_FILE COMMAND");
      }
      o.socket = Path.of(argv[i]);
      o.cookieFile = Path.of(argv[i + 1]);
      o.command = argv[i + 2];
      o.args.addAll(Arrays.asList(argv).subList(i + 3, argv.length));
      if (o.command.isBlank()) {
        throw new IllegalArgumentException("COMMAND must not be blank");
      }
      return o;
    }

    private static String value(String[] argv, int i, String option) {
      if (i >= argv.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return argv[i];
    }

    private static Duration seconds(String text) {
      try {
        double seconds = Double.parseDouble(text);
        if (!(seconds > 0 && seconds < 3600)) {
          throw new NumberFormatException();
        }
        return Duration.ofMillis((long) (seconds * 1000));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--timeout needs a number of seconds between 0 and 3600, got " + text);
      }
    }
  }
}

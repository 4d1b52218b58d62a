package dev.molt.kernel;

import dev.molt.control.ControlServer;
import dev.molt.control.Cookie;
import dev.molt.control.Response;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in kernel for testing bin/<name>: boots nothing, honours the pid-file protocol and
 * answers ping, pid and stop on the real control channel.
 */
public final class Main {
  public static void premain(String args, Instrumentation inst) {
    System.setProperty("fake.agent", "loaded");
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("describe")) {
      System.out.println("fake describe " + args[1] + " " + args[2]);
      return;
    }
    if (System.getenv("FAKE_FAIL") != null) {
      System.err.println("boot failed: FAKE_FAIL is set");
      System.exit(1);
    }
    boolean ignoreStop = System.getenv("FAKE_IGNORE_TERM") != null;
    if (ignoreStop) {
      sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> System.out.println("ignoring TERM"));
    }
    Path root = Path.of(args[1]);
    Path pid = root.resolve("tmp").resolve(System.getenv("RELEASE_NAME") + ".pid");
    byte[] cookie = Cookie.resolve(root.resolve("releases/COOKIE"), System.getenv());
    ControlServer server = ControlServer.builder(Path.of(System.getProperty("molt.control.socket")),
        cookie, (request, session) -> switch (request.command()) {
          case "ping" -> Response.ok("pong\n");
          case "pid" -> Response.ok(ProcessHandle.current().pid() + "\n");
          case "stop" -> {
            if (!ignoreStop) {
              new Thread(() -> System.exit(0)).start();
            }
            yield Response.ok("");
          }
          default -> Response.failed(2, "fake kernel: no " + request.command() + "\n");
        }).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Files.deleteIfExists(pid);
        server.close();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }));
    System.out.println("booted " + args[2] + " prop=" + System.getProperty("molt.test.prop")
        + " agent=" + System.getProperty("fake.agent") + " vsn=" + System.getenv("RELEASE_VSN"));
    if (System.getenv("FAKE_NO_PID") == null) { // else: a node that stays "starting"
      Files.writeString(pid, Long.toString(ProcessHandle.current().pid()));
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}

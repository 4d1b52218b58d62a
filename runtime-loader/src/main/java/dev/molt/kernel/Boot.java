package dev.molt.kernel;

import dev.molt.kernel.control.NodeActions;
import dev.molt.kernel.control.NodeControl;
import dev.molt.kernel.node.AppFailure;
import dev.molt.kernel.node.BootRequest;
import dev.molt.kernel.node.KernelException;
import dev.molt.kernel.node.Node;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code boot <root> <vsn>}: takes the root's {@link NodeLock}, loads the node, opens the control
 * channel, starts the apps, writes the pid file and keeps the JVM up until SIGTERM. Every exit path it controls goes through {@link Lifecycle#stop}, which
 * stops the apps in reverse and removes the pid file.
 */
final class Boot {
  /** {@code -Dmolt.verify.jars=false} skips the SHA-256 check of app jars (it is on by default). */
  static final String VERIFY_JARS = "molt.verify.jars";
  /** {@code -Dmolt.boot.trace=true} prints how long each boot step took, on stderr. */
  static final String TRACE = "molt.boot.trace";

  private Boot() {}

  /**
   * Boots and never returns normally once the apps run; returns only by throwing. With {@code
   * console}, runs the Java shell on stdin/stdout once the apps are up and stops the node when
   * the shell ends.
   */
  static void run(Path root, String version, Map<String, String> env, PrintStream err,
      boolean console) throws KernelException {
    // Before anything else: a second node of this root must not run anything, not even load.
    NodeLock.acquire(root);
    Thread warmUp = new Thread(NodeControl::warmUp, "molt-control-warm-up");
    warmUp.setDaemon(true);
    warmUp.start(); // beside the load below: the channel's class loading off the boot's path
    Node node = load(root, version, env);
    Lifecycle lifecycle = new Lifecycle(node, err);
    // The channel opens before the apps start, so that a node still starting answers (ping says
    // "starting", stop stops it) and bin/<name> never takes it for a stopped one.
    NodeControl control = NodeControl.start(node, actions(lifecycle, err), env, err);
    // Fallback for exits the kernel does not drive: System.exit from an app, SIGINT, or a
    // runtime without signal support (then SIGTERM exits 143 instead of 0).
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      lifecycle.stopFromShutdownHook();
      control.close();
    }, "molt-shutdown"));
    boolean handlesTerm = TermSignal.onTerm(() -> {
      lifecycle.stop();
      control.close();
      System.exit(0);
    });
    if (!handlesTerm) {
      err.println("molt: this runtime has no jdk.unsupported module: on SIGTERM the apps are still"
          + " stopped, but the exit code is 143; add jdk.unsupported to the release's runtime");
    }
    try {
      // The pid file means "apps up": bin/<name> start waits for it.
      lifecycle.start(failure -> mainFailed(lifecycle, failure, err), () -> {
        if (Boolean.getBoolean(TRACE)) {
          trace(node, err);
        }
      });
    } catch (KernelException e) {
      control.close();
      throw e;
    }
    if (console) {
      LocalConsole.run(node, err);
      lifecycle.stop();
      control.close();
      System.exit(Main.OK);
    }
    awaitForever();
  }

  /**
   * Loads the release without running app code, and publishes where it is to app code: the
   * system properties {@code molt.release.root}, {@code .name} and {@code .version}.
   */
  static Node load(Path root, String version, Map<String, String> env) throws KernelException {
    boolean verify = !"false".equals(System.getProperty(VERIFY_JARS));
    Node node = Node.load(new BootRequest(root, version, env, verify));
    System.setProperty("molt.release.root", node.root().toString());
    System.setProperty("molt.release.name", node.descriptor().name());
    System.setProperty("molt.release.version", node.descriptor().version());
    return node;
  }

  private static NodeActions actions(Lifecycle lifecycle, PrintStream err) {
    return new NodeActions() {
      @Override
      public boolean started() {
        return lifecycle.started();
      }

      @Override
      public void stopAndExit() {
        // The control server's close() interrupts the thread serving this request: stop from
        // another thread, once the response had a moment to leave.
        Thread stopper = new Thread(() -> {
          err.println("molt: stop requested over the control channel");
          lifecycle.stop();
          System.exit(Main.OK);
        }, "molt-stop");
        stopper.start();
      }

      @Override
      public String restartApps() throws KernelException {
        return lifecycle.restartApps();
      }
    };
  }

  private static void mainFailed(Lifecycle lifecycle, AppFailure failure, PrintStream err) {
    Lifecycle.report(err, "app " + failure.app() + " " + failure.version() + " main failed: ",
        failure);
    err.println("molt: stopping the node because an app's main method failed");
    lifecycle.stop();
    System.exit(Main.FAILURE);
  }

  private static void trace(Node node, PrintStream err) {
    String steps = node.loadTimings().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms")
        .collect(Collectors.joining(", "));
    err.println("molt: boot steps: " + steps);
    err.println("molt: instrumentation "
        + (Agent.instrumentation().isPresent() ? "available" : "not available (no -javaagent)"));
    ProcessHandle.current().info().startInstant().ifPresent(start -> err.println(
        "molt: apps started and control channel open " + Duration.between(start, Instant.now())
            .toMillis() + " ms after the process started"));
  }

  /** Blocks the calling thread until the JVM exits. */
  static void awaitForever() {
    CountDownLatch never = new CountDownLatch(1);
    while (true) {
      try {
        never.await();
      } catch (InterruptedException e) {
        // Nothing may end the kernel's main thread but the JVM's exit; keep waiting.
      }
    }
  }
}

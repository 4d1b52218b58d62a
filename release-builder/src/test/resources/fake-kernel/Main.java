package dev.molt.kernel;

import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;

/** A stand-in kernel for testing bin/<name>: boots nothing, honours the pid-file protocol. */
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
    if (System.getenv("FAKE_IGNORE_TERM") != null) {
      sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> System.out.println("ignoring TERM"));
    }
    Path pid = Path.of(args[1], "tmp", System.getenv("RELEASE_NAME") + ".pid");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Files.deleteIfExists(pid);
      } catch (Exception e) {
        e.printStackTrace();
      }
    }));
    System.out.println("booted " + args[2] + " prop=" + System.getProperty("molt.test.prop")
        + " agent=" + System.getProperty("fake.agent") + " vsn=" + System.getenv("RELEASE_VSN"));
    Files.writeString(pid, Long.toString(ProcessHandle.current().pid()));
    Thread.sleep(Long.MAX_VALUE);
  }
}

package dev.molt.kernel.testing;

/** Sources of the small applications the ITs compile into jars. They report to $EVENTS. */
public final class AppSources {
  private AppSources() {}

  public static final String EVENTS = """
      package rec;
      import java.nio.file.*;
      public final class Events {
        public static synchronized void log(String line) {
          try {
            String file = System.getenv("EVENTS") != null
                ? System.getenv("EVENTS") : System.getProperty("molt.test.events");
            Files.writeString(Path.of(file), line + "\\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
        public static String tccl(Class<?> own) {
          return Thread.currentThread().getContextClassLoader() == own.getClassLoader()
              ? "tccl=app" : "tccl=" + Thread.currentThread().getContextClassLoader();
        }
      }
      """;

  public static final String RECORDER = """
      package rec;
      import dev.molt.api.*;
      public class Recorder implements Application {
        private ApplicationContext context;
        public void start(ApplicationContext c) {
          context = c;
          Events.log("start " + c.name() + " " + c.version() + " release=" + c.releaseName() + "-"
              + c.releaseVersion() + " " + Events.tccl(Recorder.class) + " data="
              + java.nio.file.Files.isDirectory(c.dataDir()) + " port="
              + c.config().get("http.port").orElse("-"));
          c.config().getInt("exit").ifPresent(System::exit);
          c.config().get("fail").ifPresent(message -> {
            throw new IllegalStateException(message,
                new java.net.BindException("Address already in use"));
          });
        }
        public void stop() {
          Events.log("stop " + context.name() + " " + Events.tccl(Recorder.class));
          context.config().get("failStop").ifPresent(message -> {
            throw new IllegalStateException(message);
          });
        }
        public void configChanged(Config config, java.util.Set<String> keys) {
          Events.log("config " + context.name() + " " + keys + " greeting="
              + config.get("greeting").orElse("-") + " " + Events.tccl(Recorder.class));
        }
      }
      """;

  public static final String PLAIN_MAIN = """
      package plain;
      public class Main {
        public static void main(String[] args) throws Exception {
          Thread t = Thread.currentThread();
          boolean own = t.getContextClassLoader() == Main.class.getClassLoader();
          if ("yes".equals(System.getenv("MAIN_FAIL"))) {
            Thread.sleep(300);
            throw new IllegalStateException("main gave up");
          }
          java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("EVENTS")),
              "main on " + t.getName() + " tccl=" + (own ? "app" : "other") + " daemon="
              + t.isDaemon() + "\\n");
        }
      }
      """;

  public static String greeter(String version) {
    return "package lib; public class Greeter { public static String greet() { return \""
        + version + "\"; } }";
  }

  public static String caller(String name) {
    return """
        package caller.%1$s;
        import dev.molt.api.*;
        import rec.Events;
        public class Caller implements Application {
          public void start(ApplicationContext c) {
            Events.log("%1$s greets " + lib.Greeter.greet());
            for (String n : new String[] {"com.fasterxml.jackson.databind.ObjectMapper",
                "dev.molt.kernel.Main", "dev.molt.format.Formats", "java.sql.Connection",
                "jdk.jshell.JShell", "dev.molt.api.Application", "lib.Greeter"}) {
              Events.log("%1$s sees " + n + " " + visible(n));
            }
          }
          private static boolean visible(String n) {
            try {
              Class.forName(n, false, Caller.class.getClassLoader());
              return true;
            } catch (ClassNotFoundException e) {
              return false;
            }
          }
          public void stop() {}
        }
        """.formatted(name);
  }
}

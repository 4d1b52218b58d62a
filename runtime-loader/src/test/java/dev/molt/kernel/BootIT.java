package dev.molt.kernel;

import static dev.molt.kernel.testing.JarBuilder.jar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.kernel.testing.AppSources;
import dev.molt.kernel.testing.KernelProcess;
import dev.molt.kernel.testing.ReleaseRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boots hand-crafted releases in real kernel JVMs, as bin/&lt;name&gt; would. */
class BootIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path build;
  static Path recorderJar;
  static Path mainJar;
  static Path greeterV1;
  static Path greeterV2;

  @TempDir Path root;
  private KernelProcess kernel;

  @BeforeAll
  static void buildJars() throws Exception {
    recorderJar = jar(build, "recorder/recorder.jar").source("rec.Events", AppSources.EVENTS)
        .source("rec.Recorder", AppSources.RECORDER).build();
    mainJar = jar(build, "main/plain.jar").source("plain.Main", AppSources.PLAIN_MAIN).build();
    greeterV1 = jar(build, "v1/greeter.jar").source("lib.Greeter", AppSources.greeter("v1")).build();
    greeterV2 = jar(build, "v2/greeter.jar").source("lib.Greeter", AppSources.greeter("v2")).build();
  }

  @AfterEach
  void destroy() throws Exception {
    if (kernel != null) {
      kernel.close();
    }
  }

  @Test
  void boot_applications_startInOrderWritePidAndStopInReverseOnSigterm() throws Exception {
    ReleaseRoot.at(root, "book", "0.1.0")
        .application("db", recorderJar, "rec.Recorder")
        .application("web", recorderJar, "rec.Recorder", "db")
        .config("{\"web\": {\"http\": {\"port\": \"${PORT:-4000}\"}}}")
        .write();

    kernel = boot(Map.of("PORT", "4321"), "-Dmolt.boot.trace=true");
    Path pid = root.resolve("tmp/book.pid");

    assertThat(kernel.awaitFile(pid, TIMEOUT)).as(kernel.stderr()).isTrue();
    assertThat(Files.readString(pid).trim()).isEqualTo(Long.toString(kernel.process().pid()));
    assertThat(root.resolve("var/db")).isDirectory();
    kernel.process().destroy(); // SIGTERM
    assertThat(kernel.awaitExit(TIMEOUT)).as(kernel.stderr()).isZero();
    assertThat(pid).doesNotExist();
    assertThat(events()).containsExactly(
        "start db 1.0 release=book-0.1.0 tccl=app data=true port=-",
        "start web 1.0 release=book-0.1.0 tccl=app data=true port=4321",
        "stop web tccl=app", "stop db tccl=app");
    assertThat(kernel.stderr()).contains("molt: instrumentation available");
  }

  @Test
  void boot_isolation_appsSeeJdkAndApiOnlyAndTheirOwnLibraryVersion() throws Exception {
    Path one = caller(build, "one");
    Path two = caller(build, "two");
    ReleaseRoot.at(root, "iso", "1.0")
        .library("greeter-old", "1.0", greeterV1)
        .library("greeter", "2.0", greeterV2)
        .application("one", one, "caller.one.Caller", "greeter-old")
        .application("two", two, "caller.two.Caller", "greeter")
        .write();

    kernel = boot(Map.of());

    assertThat(kernel.awaitFile(root.resolve("tmp/iso.pid"), TIMEOUT)).as(kernel.stderr()).isTrue();
    assertThat(events()).contains(
        "one greets v1", "two greets v2",
        "one sees com.fasterxml.jackson.databind.ObjectMapper false",
        "one sees dev.molt.kernel.Main false",
        "one sees dev.molt.format.Formats false",
        "one sees java.sql.Connection true",
        "one sees jdk.jshell.JShell true",
        "one sees dev.molt.api.Application true",
        "one sees lib.Greeter true");
  }

  @Test
  void boot_missingEnvVar_failsWithNamedVariable() throws Exception {
    ReleaseRoot.at(root, "book", "0.1.0")
        .application("book_app", recorderJar, "rec.Recorder")
        .config("{\"book_app\": {\"http\": {\"port\": \"${PORT}\"}}}")
        .write();
    Map<String, String> env = new HashMap<>();
    env.put("PORT", null);

    kernel = boot(env);

    assertThat(kernel.awaitExit(TIMEOUT)).isEqualTo(1);
    assertThat(kernel.stderr()).contains("molt: config book_app.http.port needs environment"
        + " variable PORT, which is not set; export PORT=... or give a default: ${PORT:-...}");
    assertThat(events()).isEmpty();
    assertThat(root.resolve("tmp/book.pid")).doesNotExist();
  }

  @Test
  void boot_tamperedJar_failsNamingIt() throws Exception {
    ReleaseRoot.at(root, "book", "0.1.0")
        .application("book_app", recorderJar, "rec.Recorder").write();
    Files.write(root.resolve("lib/book_app-1.0/recorder.jar"), new byte[] {1},
        java.nio.file.StandardOpenOption.APPEND);

    kernel = boot(Map.of());

    assertThat(kernel.awaitExit(TIMEOUT)).isEqualTo(1);
    assertThat(kernel.stderr())
        .contains("molt: lib/book_app-1.0/recorder.jar does not match release.json")
        .contains("restore it from the release tarball (book-0.1.0.tar.gz");
    assertThat(events()).isEmpty();
  }

  @Test
  void boot_appStartThrows_exit1AndStartedAppsStoppedInReverse() throws Exception {
    ReleaseRoot.at(root, "book", "0.1.0")
        .application("db", recorderJar, "rec.Recorder")
        .application("cache", recorderJar, "rec.Recorder")
        .application("web", recorderJar, "rec.Recorder", "db", "cache")
        .config("{\"web\": {\"fail\": \"port 4000 is in use\"}}")
        .write();

    kernel = boot(Map.of());

    assertThat(kernel.awaitExit(TIMEOUT)).isEqualTo(1);
    assertThat(kernel.stderr())
        .contains("molt: app web 1.0 failed to start: java.lang.IllegalStateException:"
            + " port 4000 is in use")
        .contains("molt:   caused by: java.net.BindException: Address already in use");
    assertThat(events()).endsWith("stop cache tccl=app", "stop db tccl=app");
    assertThat(root.resolve("tmp/book.pid")).doesNotExist();
  }

  @Test
  void boot_appCallsSystemExitInStart_exitsWithItsCodeWithoutPidFile() throws Exception {
    ReleaseRoot.at(root, "book", "0.1.0")
        .application("db", recorderJar, "rec.Recorder")
        .application("web", recorderJar, "rec.Recorder", "db")
        .config("{\"web\": {\"exit\": 3}}").write();

    kernel = boot(Map.of());

    assertThat(kernel.awaitExit(TIMEOUT)).isEqualTo(3);
    assertThat(kernel.stderr()).contains("molt: the JVM is exiting while apps are still starting");
    assertThat(root.resolve("tmp/book.pid")).doesNotExist();
  }

  @Test
  void boot_mainApp_runsOnNamedThreadWithAppLoaderAndStopsOnSigterm() throws Exception {
    ReleaseRoot.at(root, "plain", "1.0").main("plain", mainJar, "plain.Main").write();

    kernel = boot(Map.of());

    assertThat(kernel.awaitFile(root.resolve("tmp/plain.pid"), TIMEOUT)).as(kernel.stderr()).isTrue();
    // main runs on its own thread: wait for what it writes before stopping the node.
    assertThat(kernel.awaitFile(root.resolve("events.log"), TIMEOUT)).isTrue();
    kernel.process().destroy();
    assertThat(kernel.awaitExit(TIMEOUT)).isZero();
    assertThat(events()).containsExactly("main on plain-main tccl=app daemon=false");
    assertThat(root.resolve("tmp/plain.pid")).doesNotExist();
  }

  @Test
  void boot_mainClassInALibraryJar_runsFromTheApplicationsLoader() throws Exception {
    // As java -cp app.jar:launcher.jar plain.Main would: the entry class is a library's.
    ReleaseRoot.at(root, "plain", "1.0").library("launcher", "1.0", mainJar)
        .main("plain", recorderJar, "plain.Main", "launcher").write();

    kernel = boot(Map.of());

    assertThat(kernel.awaitFile(root.resolve("tmp/plain.pid"), TIMEOUT)).as(kernel.stderr()).isTrue();
    assertThat(kernel.awaitFile(root.resolve("events.log"), TIMEOUT)).isTrue();
    kernel.process().destroy();
    assertThat(kernel.awaitExit(TIMEOUT)).isZero();
    // tccl=app: the context loader (the application's) is the loader that defined plain.Main
    assertThat(events()).containsExactly("main on plain-main tccl=app daemon=false");
  }

  @Test
  void boot_mainThrows_nodeStopsWithExit1() throws Exception {
    ReleaseRoot.at(root, "plain", "1.0")
        .application("db", recorderJar, "rec.Recorder")
        .main("plain", mainJar, "plain.Main", "db").write();

    kernel = boot(Map.of("MAIN_FAIL", "yes"));

    assertThat(kernel.awaitExit(TIMEOUT)).isEqualTo(1);
    assertThat(kernel.stderr())
        .contains("molt: app plain 1.0 main failed: java.lang.IllegalStateException: main gave up");
    assertThat(events()).endsWith("stop db tccl=app");
    assertThat(root.resolve("tmp/plain.pid")).doesNotExist();
  }

  private KernelProcess boot(Map<String, String> env, String... jvmArgs) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("EVENTS", root.resolve("events.log").toString());
    String version;
    try (java.util.stream.Stream<Path> releases = Files.list(root.resolve("releases"))) {
      version = releases.findFirst().orElseThrow().getFileName().toString();
    }
    return KernelProcess.boot(root, version, all, jvmArgs);
  }

  private List<String> events() throws Exception {
    Path log = root.resolve("events.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private static Path caller(Path dir, String name) throws Exception {
    return jar(dir, name + "/" + name + ".jar").classpath(greeterV1)
        .source("rec.Events", AppSources.EVENTS)
        .source("caller." + name + ".Caller", AppSources.caller(name)).build();
  }
}

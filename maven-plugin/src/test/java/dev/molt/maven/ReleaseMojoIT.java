package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.format.AppSpec;
import dev.molt.format.EntryPoint;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.testsupport.maven.SampleProject;
import dev.molt.testsupport.maven.SampleProject.Build;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseMojoIT {
  private static final long COMMAND_TIMEOUT_SECONDS = 90;
  /** The release a test started with {@code bin/<name> start}, stopped after the test. */
  private Optional<Path> startedBin = Optional.empty();

  @AfterEach
  void stopStartedNode() throws Exception {
    if (startedBin.isEmpty()) {
      return;
    }
    Path bin = startedBin.get();
    Path root = bin.getParent().getParent();
    Path pidFile = root.resolve("tmp").resolve(bin.getFileName() + ".pid");
    try {
      if (Files.exists(pidFile)) {
        run(bin, "stop");
      }
    } finally {
      // Whatever the stop left (or a node whose stop timed out): the JVMs of this release root.
      ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().map(c -> c.contains(root.toString())).orElse(false))
          .filter(p -> p.pid() != ProcessHandle.current().pid())
          .forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void package_prod_copiesEveryDependencyAsAppWithResolvedEdges(@TempDir Path work)
      throws Exception {
    SampleProject project = SampleProject.copy("plain-app", work);

    Build build = project.mvn("package", "-Dmolt.env=prod");

    assertThat(build.exitCode()).as("%s", build).isZero();
    Path root = project.dir().resolve("target/rel/hello");
    assertThat(root.resolve("bin/hello")).isExecutable();
    ReleaseDescriptor release = Formats.readRelease(root.resolve("releases/1.0.0/release.json"));
    assertThat(release.apps()).extracting(AppSpec::name).containsExactlyInAnyOrder(
        "hello", "commons-compress", "commons-lang3", "commons-io", "commons-codec");
    assertThat(app(release, "hello").entry())
        .contains(new EntryPoint(EntryPoint.Kind.MAIN, "hello.Main"));
    assertThat(app(release, "hello").dependsOn())
        .containsExactlyInAnyOrder("commons-compress", "commons-lang3");
    // commons-compress asked for commons-lang3 3.18.0 and lost to the project's 3.17.0:
    // the edge must still be there, to the winning version.
    assertThat(app(release, "commons-compress").dependsOn())
        .contains("commons-lang3", "commons-io", "commons-codec");
    assertThat(app(release, "commons-lang3").version()).isEqualTo("3.17.0");
    for (AppSpec app : release.apps()) {
      Path dir = root.resolve(app.dir());
      assertThat(dir).isDirectory();
      assertThat(Files.isSymbolicLink(dir)).as("prod copies %s", dir).isFalse();
      assertThat(dir.resolve(app.jars().get(0).file())).isRegularFile();
    }
    assertThat(root.resolve(release.kernel().dir())).isDirectory();
    Path tarball = project.dir().resolve("target/hello-1.0.0.tar.gz");
    assertThat(tarball).isRegularFile();
    assertThat(project.dir().resolve("target/hello-1.0.0.tar.gz.sha256")).content()
        .startsWith(sha256(tarball));
    // The edges are right when the app, in its own loader, sees commons-lang3's StringUtils.
    assertThat(firstOutputOf(root.resolve("bin/hello"), "Hello from a plain main class"))
        .contains("Hello from a plain main class");
  }

  @Test
  void package_devMode_linksJarsAndWritesNoTarball(@TempDir Path work) throws Exception {
    SampleProject project = SampleProject.copy("plain-app", work);

    Build build = project.mvn("package");

    assertThat(build.exitCode()).as("%s", build).isZero();
    Path root = project.dir().resolve("target/rel/hello");
    ReleaseDescriptor release = Formats.readRelease(root.resolve("releases/1.0.0/release.json"));
    assertThat(release.environment()).isEqualTo("dev");
    for (AppSpec app : release.apps()) {
      Path dir = root.resolve(app.dir());
      Path jar = dir.resolve(app.jars().get(0).file());
      assertThat(Files.isSymbolicLink(dir) || Files.isSymbolicLink(jar))
          .as("dev mode links %s", jar).isTrue();
    }
    try (Stream<Path> target = Files.list(project.dir().resolve("target"))) {
      assertThat(target).noneMatch(p -> p.getFileName().toString().endsWith(".tar.gz"));
    }
  }

  @Test
  void package_applicationImplementation_isStartedAsApplicationWithoutApiApp(@TempDir Path work)
      throws Exception {
    SampleProject project = SampleProject.copy("application-app", work);

    Build build = project.mvn("package");

    assertThat(build.exitCode()).as("%s", build).isZero();
    Path root = project.dir().resolve("target/rel/greeter");
    ReleaseDescriptor release = Formats.readRelease(root.resolve("releases/0.3.0/release.json"));
    assertThat(release.apps()).extracting(AppSpec::name).containsExactly("greeter");
    assertThat(app(release, "greeter").entry())
        .contains(new EntryPoint(EntryPoint.Kind.APPLICATION, "greeter.GreeterApp"));
    assertThat(release.kernel().jars()).anyMatch(j -> j.file().startsWith("molt-api"));
    assertThat(release.kernel().jars().get(0).file()).startsWith("molt-runtime-loader");

    Path bin = root.resolve("bin/greeter");
    startedBin = Optional.of(bin);
    Ran start = run(bin, "start");
    assertThat(start.exit()).as("%s", start).isZero();
    Ran ping = run(bin, "ping");
    assertThat(ping.out()).as("%s", ping).isEqualTo("pong\n");
    Ran describe = run(bin, "describe");
    assertThat(describe.out()).as("%s", describe).contains("state: running")
        .containsPattern("(?m)^  greeter 0\\.3\\.0 .*application greeter\\.GreeterApp")
        .containsPattern("(?m)^  greeter 0\\.3\\.0 .*running");
    assertThat(root.resolve("var/log/greeter.log")).content().contains("greeter started");

    Ran stop = run(bin, "stop");
    assertThat(stop.exit()).as("%s", stop).isZero();
    assertThat(root.resolve("var/log/greeter.log")).content().contains("greeter stopped");
    assertThat(run(bin, "ping").exit()).as("ping after stop").isEqualTo(3);
  }

  @Test
  void package_unknownKeyInMoltJson_failsNamingTheKey(@TempDir Path work) throws Exception {
    SampleProject project = SampleProject.copy("plain-app", work);
    Path moltJson = project.dir().resolve("rel/molt.json");
    Files.writeString(moltJson, Files.readString(moltJson)
        .replaceFirst("\\{", "{\n  \"colour\": \"blue\","));

    Build build = project.mvn("package");

    assertThat(build.exitCode()).as("%s", build).isNotZero();
    assertThat(build.errors()).contains("colour");
    assertThat(build.output()).doesNotContain("\tat dev.molt");
    assertThat(project.dir().resolve("target/rel/hello")).doesNotExist();
  }

  @Test
  void release_beforePackage_failsAskingForPackage(@TempDir Path work) throws Exception {
    SampleProject project = SampleProject.copy("plain-app", work);

    Build build = project.mvn("compile", "molt:release");

    assertThat(build.exitCode()).as("%s", build).isNotZero();
    assertThat(build.errors()).contains("run the goal after package: mvn package molt:release");
  }

  /** What a {@code bin/<name>} command returned and printed. */
  private record Ran(String command, int exit, String out, String err) {
    @Override
    public String toString() {
      return command + " -> exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Runs {@code bin/<name> command} with this JVM as JAVA_HOME, for at most 90 s. */
  private static Ran run(Path bin, String command) throws Exception {
    Path out = Files.createTempFile(bin.getParent().getParent(), command + "-", ".out");
    Path err = Files.createTempFile(bin.getParent().getParent(), command + "-", ".err");
    ProcessBuilder builder = new ProcessBuilder(bin.toString(), command)
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    try {
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError(bin + " " + command + " did not finish within "
            + COMMAND_TIMEOUT_SECONDS + " s; stderr so far: " + Files.readString(err));
      }
      return new Ran(bin + " " + command, process.exitValue(), Files.readString(out),
          Files.readString(err));
    } finally {
      process.destroyForcibly();
    }
  }

  /** Runs {@code bin/<name> foreground} until it prints {@code expected} (or 60 s pass). */
  private static String firstOutputOf(Path bin, String expected) throws Exception {
    Path out = bin.getParent().getParent().resolve("foreground.out");
    ProcessBuilder builder = new ProcessBuilder(bin.toString(), "foreground")
        .redirectErrorStream(true).redirectOutput(out.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process node = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline && node.isAlive()
          && !Files.readString(out).contains(expected)) {
        Thread.sleep(100);
      }
      return Files.readString(out);
    } finally {
      node.descendants().forEach(ProcessHandle::destroy);
      node.destroy();
      if (!node.waitFor(10, TimeUnit.SECONDS)) {
        node.descendants().forEach(ProcessHandle::destroyForcibly);
        node.destroyForcibly();
      }
    }
  }

  private static AppSpec app(ReleaseDescriptor release, String name) {
    return release.app(name).orElseThrow(() -> new AssertionError("no app " + name));
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}

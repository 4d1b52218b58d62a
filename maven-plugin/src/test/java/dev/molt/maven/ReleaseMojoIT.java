package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.format.AppSpec;
import dev.molt.format.EntryPoint;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.testkit.SampleProject;
import dev.molt.testkit.SampleProject.Build;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseMojoIT {

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
    ReleaseDescriptor release = Formats.readRelease(
        project.dir().resolve("target/rel/greeter/releases/0.3.0/release.json"));
    assertThat(release.apps()).extracting(AppSpec::name).containsExactly("greeter");
    assertThat(app(release, "greeter").entry())
        .contains(new EntryPoint(EntryPoint.Kind.APPLICATION, "greeter.GreeterApp"));
    assertThat(release.kernel().jars()).anyMatch(j -> j.file().startsWith("molt-api"));
    assertThat(release.kernel().jars().get(0).file()).startsWith("molt-runtime-loader");
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
    assertThat(build.errors()).contains("run mvn package");
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

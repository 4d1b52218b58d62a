package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.format.EntryPoint;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny Application compiled here, released with the real kernel jars (from this module's class
 * path), run through bin/<name>; and the same release built by the distributed CLI jar.
 */
class RealKernelIT {
  @TempDir Path dir;
  final List<Path> pidFiles = new ArrayList<>();

  @AfterEach
  void killNodes() throws Exception {
    for (Path pid : pidFiles) {
      if (Files.exists(pid)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  private Path tinyJar() throws Exception {
    Path src = dir.resolve("src/tiny/TinyApp.java");
    Files.createDirectories(src.getParent());
    try (InputStream in = getClass().getResourceAsStream("/tiny-app/tiny/TinyApp.java")) {
      Files.write(src, in.readAllBytes());
    }
    return TestJars.compiled(src, dir.resolve("classes"), dir.resolve("tiny-1.0.jar"),
        "tiny.TinyApp");
  }

  @Test
  void realKernel_bootsTheAppAndStopsIt() throws Exception {
    Path jar = tinyJar();
    assertThat(EntryPoints.detect(jar, Optional.empty()))
        .isEqualTo(new EntryPoint(EntryPoint.Kind.APPLICATION, "tiny.TinyApp"));
    new ReleaseBuilder(s -> {}).init(dir.resolve("rel"), "tiny");
    KernelInput kernel = KernelJars.fromClassPath(System.getProperty("java.class.path"));
    ReleaseResult r = new ReleaseBuilder(s -> {}).build(new ReleaseRequest("tiny", "1.0", "dev", dir.resolve("rel"),
        dir.resolve("target"), List.of(new AppInput("tiny", "1.0", Optional.empty(), List.of(jar), List.of(),
            Optional.of(EntryPoints.detect(jar, Optional.empty())))), kernel, Optional.empty()));
    Path root = r.releaseDir();
    pidFiles.add(root.resolve("tmp/tiny.pid"));
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    Sh sh = new Sh(dir, env);
    Path bin = root.resolve("bin/tiny");
    Sh.Result start = sh.run(bin, "start");
    assertThat(start.code()).as(start.err() + readLog(root)).isZero();
    assertThat(sh.run(bin, "ping").out()).isEqualTo("pong\n");
    assertThat(root.resolve("var/tiny/started")).hasContent("tiny 1.0");
    assertThat(root.resolve("var/tiny/probe")).hasContent("found java.beans.Introspector");
    Sh.Result describe = sh.run(bin, "describe");
    assertThat(describe.code()).as(describe.err()).isZero();
    assertThat(describe.out()).contains("state: running", "tiny 1.0 running");
    Sh.Result stop = sh.run(bin, "stop");
    assertThat(stop.code()).as(stop.err()).isZero();
    assertThat(root.resolve("var/tiny/stopped")).hasContent("bye");
  }

  @Test
  void cliJar_buildsAProdReleaseFromATgfTree() throws Exception {
    Path cli = Path.of("target/molt-cli/molt-release-builder-" + System.getProperty("molt.test.version", "0.1.0-SNAPSHOT")
        + "-cli.jar").toAbsolutePath();
    // The ITs run after package, so the jar is a build output here, not a prerequisite to skip on.
    assertThat(cli).as("the CLI jar packaged before the ITs (mvn verify)").isRegularFile();
    Path jar = tinyJar();
    Path tree = Files.writeString(dir.resolve("deps.tgf"), "1 com.example:tiny:jar:1.0\n#\n");
    Files.createDirectories(dir.resolve("lib"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    run(List.of(java.toString(), "-jar", cli.toString(), "init", "--rel", dir.resolve("rel").toString(), "--name", "tiny"));
    String out = run(List.of(java.toString(), "-jar", cli.toString(), "release", "--rel", dir.resolve("rel").toString(),
        "--tree", tree.toString(), "--lib", dir.resolve("lib").toString(), "--app-jar", jar.toString(),
        "--env", "prod", "--out", dir.resolve("target").toString()));
    assertThat(out).contains("tarball: " + dir.resolve("target/tiny-1.0.tar.gz"));
    assertThat(dir.resolve("target/rel/tiny/lib/molt-kernel-" + System.getProperty("molt.test.version", "0.1.0-SNAPSHOT")))
        .isDirectory();
    assertThat(dir.resolve("target/tiny-1.0.tar.gz.sha256")).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("target/tiny-1.0.tar.gz"))))
        .isEqualTo("rw-r--r--");
    // Jackson only optionally uses java.desktop and java.sql: the kernel must not drag them in.
    assertThat(dev.molt.format.Formats.readRelease(dir.resolve("target/rel/tiny/releases/1.0/release.json"))
        .runtime().modules()).contains("java.base", "java.instrument", "java.logging")
        .doesNotContain("java.desktop", "java.sql");
    // TinyApp looks java.beans.Introspector up by name, which jdeps cannot see: the build names
    // the module to add, and so does the node when the lookup fails.
    assertThat(Files.readString(dir.resolve("cli.err"))).contains("warning: JDK module java.desktop"
        + " is not in the runtime", "java.beans.Introspector (tiny)",
        "add \"java.desktop\" to runtime.addModules in rel/molt.json and build again");
    Path root = dir.resolve("target/rel/tiny");
    pidFiles.add(root.resolve("tmp/tiny.pid"));
    Sh sh = new Sh(dir, Map.of("PATH", System.getenv("PATH")));
    Sh.Result start = sh.run(root.resolve("bin/tiny"), "start");
    assertThat(start.code()).as(start.err() + readLog(root)).isZero();
    assertThat(root.resolve("var/tiny/probe")).hasContent("java.lang.ClassNotFoundException:"
        + " java.beans.Introspector (in class loader tiny-1.0; its package belongs to JDK module"
        + " java.desktop, which this release's runtime was not linked with; add \"java.desktop\""
        + " to runtime.addModules in rel/molt.json and build the release again)");
    assertThat(sh.run(root.resolve("bin/tiny"), "stop").code()).isZero();
  }

  private String run(List<String> cmd) throws Exception {
    Path out = dir.resolve("cli.out");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(dir.resolve("cli.err").toFile()).start();
    try {
      assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
      System.err.print(Files.readString(dir.resolve("cli.err")));
      assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
      return Files.readString(out);
    } finally {
      p.destroyForcibly();
    }
  }

  private static String readLog(Path root) throws Exception {
    Path log = root.resolve("var/log/tiny.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  static String classPath(List<Path> jars) {
    return String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
  }
}

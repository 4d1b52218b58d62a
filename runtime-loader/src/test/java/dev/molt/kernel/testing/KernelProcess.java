package dev.molt.kernel.testing;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.molt.api.Application;
import dev.molt.format.Formats;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A kernel JVM started the way bin/&lt;name&gt; starts it: {@code java -javaagent:<kernel jar> -cp
 * <kernel jars> dev.molt.kernel.Main boot <root> <vsn>}. The kernel class path is this module's
 * packaged jar plus molt-api, molt-format and Jackson, as in lib/molt-kernel-&lt;vsn&gt;/.
 */
public final class KernelProcess implements AutoCloseable {
  private final Process process;
  private final Path stderr;
  private final Path stdout;

  private KernelProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Starts {@code boot}; {@code env} entries with a null value are removed from the environment. */
  public static KernelProcess boot(Path root, String version, Map<String, String> env,
      String... jvmArgs) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmArgs));
    command.add("-javaagent:" + kernelJar());
    command.addAll(List.of("-cp", kernelClassPath(), "dev.molt.kernel.Main", "boot",
        root.toString(), version));
    Path logs = Files.createDirectories(root.resolve("test-logs"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(logs.resolve("stdout.txt").toFile())
        .redirectError(logs.resolve("stderr.txt").toFile());
    // The control channel needs a cookie; bin/<name> makes releases/COOKIE, these tests use this.
    builder.environment().put("MOLT_COOKIE", "kernel-test-cookie");
    env.forEach((k, v) -> {
      if (v == null) {
        builder.environment().remove(k);
      } else {
        builder.environment().put(k, v);
      }
    });
    return new KernelProcess(builder.start(), logs.resolve("stdout.txt"), logs.resolve("stderr.txt"));
  }

  public Process process() {
    return process;
  }

  /** Waits until {@code file} exists; false if the process ended or the time ran out first. */
  public boolean awaitFile(Path file, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        return true;
      }
      if (!process.isAlive()) {
        return Files.exists(file);
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Waits for the exit code; fails the test if the process does not end in time. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("kernel did not exit within " + timeout + "; stderr:\n" + stderr());
    }
    return process.exitValue();
  }

  public String stderr() {
    return read(stderr);
  }

  public String stdout() {
    return read(stdout);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** This module's packaged jar in target/ (built by {@code package}, before the ITs run). */
  public static Path kernelJar() throws IOException {
    Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().matches("molt-runtime-loader-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().matches(".*-(sources|tests|javadoc)\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no kernel jar in " + target
              + "; run the ITs with mvn verify"))
          .toAbsolutePath();
    }
  }

  public static String kernelClassPath() throws IOException {
    return Stream.concat(Stream.of(kernelJar()), Stream.of(Application.class, Formats.class,
            dev.molt.control.ControlServer.class, dev.molt.services.ServiceHandle.class,
            org.objectweb.asm.ClassWriter.class, ObjectMapper.class, JsonParser.class, JsonAutoDetect.class)
            .map(JarBuilder::codeSource))
        .map(Path::toString)
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }
}

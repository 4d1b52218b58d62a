package dev.molt.testsupport.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of one sample Maven project in a temporary folder, built with the real {@code mvn}
 * against the repository that invoker:install filled with the plugin under test. The module's
 * failsafe configuration names the folder of the sample projects ({@code molt.it.sources}), that
 * repository ({@code molt.it.repo}), the developer's local repository ({@code
 * molt.it.localRepository}), Maven ({@code molt.it.mavenHome}) and the version under test ({@code
 * molt.it.version}).
 */
public final class SampleProject {
  private static final long TIMEOUT_MINUTES = 5;

  private final Path dir;
  private final Path settings;

  private SampleProject(Path dir, Path settings) {
    this.dir = dir;
    this.settings = settings;
  }

  /**
   * Copies {@code <molt.it.sources>/<name>/} into {@code workDir}, filling in {@code
   * @project.version@} in every {@code pom.xml}.
   */
  public static SampleProject copy(String name, Path workDir) throws IOException {
    Path sources = Paths.get(property("molt.it.sources"));
    Path source = sources.resolve(name);
    Path target = workDir.resolve(name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else if (file.getFileName().toString().equals("pom.xml")) {
          Files.writeString(to, Files.readString(file)
              .replace("@project.version@", property("molt.it.version")));
        } else {
          Files.copy(file, to);
        }
      }
    }
    String localUrl = Paths.get(property("molt.it.localRepository")).toUri().toString();
    Path settings = workDir.resolve("settings.xml");
    Files.writeString(settings, settingsTemplate().replace("@localRepositoryUrl@", localUrl));
    return new SampleProject(target, settings);
  }

  /** The project's folder (the copy). */
  public Path dir() {
    return dir;
  }

  private static String settingsTemplate() throws IOException {
    try (InputStream in = SampleProject.class.getResourceAsStream("settings.xml")) {
      if (in == null) {
        throw new IllegalStateException("settings.xml is missing beside " + SampleProject.class);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Runs {@code mvn <args>} in the project; the build's output is kept in {@code <dir>/build-N.log}. */
  public Build mvn(String... args) throws IOException, InterruptedException {
    return mvn(Map.of(), args);
  }

  /** As {@link #mvn(String...)} with {@code env} added to the environment of mvn. */
  public Build mvn(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(mvnExecutable());
    command.addAll(List.of("-B", "-ntp", "-Dstyle.color=never", "-s", settings.toString(),
        "-Dmaven.repo.local=" + property("molt.it.repo")));
    command.addAll(List.of(args));
    Path log;
    int n = 1;
    do {
      log = dir.resolve("build-" + n++ + ".log");
    } while (Files.exists(log));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("MAVEN_OPTS");
    builder.environment().putAll(env);
    Process process = builder.start();
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        throw new AssertionError("mvn " + String.join(" ", args) + " did not finish within "
            + TIMEOUT_MINUTES + " minutes; see " + log);
      }
      return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log);
    } finally {
      process.destroyForcibly();
    }
  }

  private static String mvnExecutable() {
    String home = System.getProperty("molt.it.mavenHome", "");
    Path mvn = Paths.get(home, "bin", "mvn");
    return !home.isEmpty() && Files.isExecutable(mvn) ? mvn.toString() : "mvn";
  }

  private static String property(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException("system property " + key
          + " is not set; run the *IT through mvn verify (failsafe sets it)");
    }
    return value;
  }

  /** The outcome of one mvn run. */
  public record Build(int exitCode, String output, Path log) {
    /** The build's {@code [ERROR]} lines. */
    public String errors() {
      return String.join("\n", output.lines().filter(l -> l.startsWith("[ERROR]")).toList());
    }

    /** The exit code and the build's errors, for assertion messages. */
    @Override
    public String toString() {
      return "mvn exited " + exitCode + " (log " + log + ")\n" + errors();
    }
  }
}

package dev.molt.bench;

import dev.molt.format.AppSpec;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.release.KernelJars;
import dev.molt.release.MavenTreeInputs;
import dev.molt.release.ReleaseBuilder;
import dev.molt.release.ReleaseRequest;
import dev.molt.release.ReleaseResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The book_app prod release the benchmark runs, with what it took to build it. */
record BenchRelease(Path root, ReleaseDescriptor descriptor, Duration buildTime, long tarballBytes,
    long releaseBytes) {

  static BenchRelease build(Path fixtures, Path work) throws Exception {
    Path module = fixtures.resolve("book_app/0.1.0");
    Path out = work.resolve("release");
    deleteTree(out);
    var apps = MavenTreeInputs.read(module.resolve("target/molt-inputs/deps.tgf"),
        module.resolve("target/molt-inputs/lib"), module.resolve("target/book_app-0.1.0.jar"),
        Optional.of("dev.molt.fixtures.book.BookApp"));
    ReleaseRequest request = new ReleaseRequest("book_app", "0.1.0", "prod", module.resolve("rel"),
        out, apps, KernelJars.fromClassPath(System.getProperty("java.class.path")),
        Optional.empty());
    long begin = System.nanoTime();
    ReleaseResult result = new ReleaseBuilder(line -> System.err.println("[build] " + line))
        .build(request);
    Duration wall = Duration.ofNanos(System.nanoTime() - begin);
    ReleaseDescriptor descriptor =
        Formats.readRelease(result.releaseDir().resolve("releases/0.1.0/release.json"));
    return new BenchRelease(result.releaseDir(), descriptor, wall,
        Files.size(result.tarball().orElseThrow()), treeBytes(result.releaseDir()));
  }

  /** Replaces bin/book_app with {@code template}, its {@code @NAME@} set to book_app. */
  void replaceBinScript(Path template) throws IOException {
    Path script = root.resolve("bin/book_app");
    Files.writeString(script, Files.readString(template).replace("@NAME@", "book_app"));
    script.toFile().setExecutable(true, false);
  }

  Path java() {
    return root.resolve("runtime/bin/java");
  }

  /** The release's jvm.options without comments and blank lines. */
  List<String> jvmOptions() throws IOException {
    List<String> options = new ArrayList<>();
    for (String line : Files.readAllLines(root.resolve("releases/0.1.0/jvm.options"))) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        options.add(trimmed);
      }
    }
    return options;
  }

  /** Every app jar of the release plus molt-api (BookMain implements the API's context). */
  String classPath() throws IOException {
    List<String> entries = new ArrayList<>();
    for (AppSpec app : descriptor.apps()) {
      app.jars().forEach(j -> entries.add(root.resolve(app.dir()).resolve(j.file()).toString()));
    }
    try (Stream<Path> kernel = Files.list(root.resolve(descriptor.kernel().dir()))) {
      kernel.filter(p -> p.getFileName().toString().startsWith("molt-api-"))
          .forEach(p -> entries.add(p.toString()));
    }
    return String.join(File.pathSeparator, entries);
  }

  private static long treeBytes(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}

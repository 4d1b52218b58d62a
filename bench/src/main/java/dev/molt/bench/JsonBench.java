package dev.molt.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * StrictJson against jackson-core's streaming parser on the kernel's boot path: each sample is a
 * fresh JVM of the release's own runtime (the kernel's) reading the book_app release's
 * release.json and config.json once ({@link JsonParseChild}), without and with a dynamic CDS
 * archive made by a training run, as the kernel's tmp/kernel-vsn.jsa is. Usage: {@code JsonBench
 * --fixtures DIR [--runs N] [--work DIR]}; prints Markdown (docs/benchmarks.md).
 */
public final class JsonBench {
  private static final List<String> MODES = List.of("strict", "jackson");

  private JsonBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    Path work = Path.of(o.get("--work")).toAbsolutePath();
    BenchRelease release = BenchRelease.build(Path.of(o.get("--fixtures")).toAbsolutePath(), work);
    Path dir = release.root().resolve("releases/0.1.0");
    List<String> files = List.of(dir.resolve("release.json").toString(), dir.resolve("config.json").toString());
    String java = release.java().toString();
    String cp = childClassPath();
    run(List.of(java, "-Xshare:dump"), 120); // the runtime's base archive, as ensure_cds makes it
    Map<String, List<Double>> parse = new LinkedHashMap<>();
    Map<String, List<Double>> wall = new LinkedHashMap<>();
    int runs = Integer.parseInt(o.get("--runs"));
    for (boolean cds : List.of(false, true)) {
      Map<String, List<String>> commands = new HashMap<>();
      for (String mode : MODES) {
        commands.put(mode, command(java, cp, mode, files, cds ? train(java, cp, mode, files, work) : null));
      }
      for (int i = 0; i < runs; i++) {
        for (int k = 0; k < MODES.size(); k++) {
          String mode = MODES.get((i + k) % MODES.size()); // alternate which goes first
          String label = mode + (cds ? " + CDS" : "");
          long begin = System.nanoTime();
          String out = run(commands.get(mode), 60);
          wall.computeIfAbsent(label, x -> new ArrayList<>()).add((System.nanoTime() - begin) / 1e6);
          parse.computeIfAbsent(label, x -> new ArrayList<>()).add(Long.parseLong(out.lines().findFirst().orElseThrow().strip()) / 1e6);
        }
      }
    }
    print(files, parse, wall, java);
  }

  private static Path train(String java, String cp, String mode, List<String> files, Path work) throws Exception {
    Path jsa = work.resolve("json-" + mode + ".jsa");
    Files.deleteIfExists(jsa);
    List<String> c = new ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds=off,cds+dynamic=off"));
    c.addAll(List.of("-cp", cp, JsonParseChild.class.getName(), mode));
    c.addAll(files);
    run(c, 120);
    return jsa;
  }

  private static List<String> command(String java, String cp, String mode, List<String> files, Path jsa) {
    List<String> c = new ArrayList<>(List.of(java));
    if (jsa != null) {
      c.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off,cds+dynamic=off"));
    }
    c.addAll(List.of("-cp", cp, JsonParseChild.class.getName(), mode));
    c.addAll(files);
    return c;
  }

  /**
   * The bench jar, molt-format and jackson-core only: what the kernel has for parsing. Jars, not
   * class directories: a CDS archive cannot record classes from a directory.
   */
  private static String childClassPath() {
    List<String> keep = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(e).getFileName().toString();
      if (name.endsWith(".jar") && (name.startsWith("molt-bench") || name.startsWith("molt-format")
          || name.startsWith("jackson-core"))) {
        keep.add(e);
      }
    }
    return String.join(File.pathSeparator, keep);
  }

  private static String run(List<String> command, int timeoutSeconds) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out: " + command);
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(command + " exited " + p.exitValue() + ":\n" + out);
      }
      return out;
    } finally {
      p.destroyForcibly();
    }
  }

  private static void print(List<String> files, Map<String, List<Double>> parse,
      Map<String, List<Double>> wall, String java) throws Exception {
    StringBuilder out = new StringBuilder();
    out.append("Files: ").append(Files.size(Path.of(files.get(0)))).append(" B release.json, ")
        .append(Files.size(Path.of(files.get(1)))).append(" B config.json; runtime ").append(java).append("\n\n");
    out.append("| parser | runs | read both files, median ms (min-max) | whole JVM, median ms (min-max) |\n");
    out.append("| --- | ---: | ---: | ---: |\n");
    for (String label : parse.keySet()) {
      Stats p = Stats.of(parse.get(label));
      Stats w = Stats.of(wall.get(label));
      out.append(String.format("| %s | %d | %.1f (%.1f-%.1f) | %.0f (%.0f-%.0f) |%n", label, p.runs(),
          p.median(), p.min(), p.max(), w.median(), w.min(), w.max()));
    }
    System.out.print(out);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> values = new HashMap<>(Map.of("--fixtures", "fixtures", "--runs", "20",
        "--work", "bench/target/json"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!values.containsKey(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; use --fixtures DIR, --runs N, --work DIR");
      }
      values.put(args[i], args[i + 1]);
    }
    return values;
  }
}

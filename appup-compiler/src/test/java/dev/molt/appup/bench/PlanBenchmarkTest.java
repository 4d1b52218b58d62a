package dev.molt.appup.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.appup.plan.AppPlan;
import dev.molt.appup.plan.Plan;
import dev.molt.format.AppSpec;
import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times compiling a plan between two large generated releases (300 jars, 50,000 classes, 1%
 * changed) and, on the same pairs of changed jars, japicmp as a baseline. Not part of
 * {@code verify}; run with:
 * {@code mvn -B -o -f appup-compiler/pom.xml test -Dgroups=bench -Dtest=PlanBenchmarkTest}.
 * Figures go to stdout and {@code target/bench/appup-plan.txt}.
 */
@Tag("bench")
class PlanBenchmarkTest {
  static final int JARS = Integer.getInteger("bench.jars", 300);
  static final int CLASSES = Integer.getInteger("bench.classes", 50_000);
  static final int RUNS = Integer.getInteger("bench.runs", 5);

  @TempDir Path dir;

  @Test
  void plan_largeReleases_versusJapicmp() throws Exception {
    long t0 = System.nanoTime();
    LargeReleases.Pair pair = LargeReleases.generate(dir, JARS, CLASSES, 100);
    double generateS = (System.nanoTime() - t0) / 1e9;
    PlanRequest request = PlanRequest.of(List.of(pair.from()), pair.to());

    long cold = time(() -> check(AppupCompiler.plan(request), pair));
    double[] molt = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      molt[i] = time(() -> check(AppupCompiler.plan(request), pair)) / 1e9;
    }
    List<File[]> jarPairs = changedJarPairs(pair);
    time(() -> japicmp(jarPairs)); // warm-up
    double[] japi = new double[Math.max(1, RUNS / 2)];
    for (int i = 0; i < japi.length; i++) {
      japi[i] = time(() -> japicmp(jarPairs)) / 1e9;
    }
    String report = String.format("appup plan benchmark: %d jars, %d classes, %d changed (%d structural) in %d jars%n"
            + "  machine: %d cores available, Java %s%n"
            + "  generate releases: %.1f s%n"
            + "  molt plan, first run in this JVM: %.3f s%n"
            + "  molt plan, median of %d: %.3f s (min %.3f)%n"
            + "  japicmp 0.27.0 on the same %d jar pairs, median of %d: %.3f s (min %.3f)%n"
            + "  ratio japicmp / molt (medians): %.1fx%n",
        JARS, CLASSES, pair.changed(), pair.structural(), pair.changedJars(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), generateS,
        cold / 1e9, RUNS, median(molt), min(molt), jarPairs.size(), japi.length, median(japi), min(japi),
        median(japi) / median(molt));
    System.out.print(report);
    Path out = Path.of("target/bench/appup-plan.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  private static void check(Plan plan, LargeReleases.Pair pair) {
    List<AppPlan> apps = plan.paths().get(0).apps();
    assertThat(apps).hasSize(JARS);
    // every app with a changed jar has instructions (restarts also reach its dependents)
    assertThat(apps.stream().filter(a -> !a.up().isEmpty()).count()).isGreaterThanOrEqualTo(pair.changedJars());
  }

  private static List<File[]> changedJarPairs(LargeReleases.Pair pair) throws Exception {
    ReleaseDescriptor a = Formats.readRelease(pair.from().resolve("releases/1.0.0/release.json"));
    ReleaseDescriptor b = Formats.readRelease(pair.to().resolve("releases/1.1.0/release.json"));
    List<File[]> out = new ArrayList<>();
    for (AppSpec app : b.apps()) {
      AppSpec old = a.app(app.name()).orElseThrow();
      if (!old.jars().equals(app.jars())) {
        out.add(new File[] {jar(pair.from(), old).toFile(), jar(pair.to(), app).toFile()});
      }
    }
    assertThat(out).hasSize(pair.changedJars());
    return out;
  }

  private static Path jar(Path root, AppSpec app) {
    return root.resolve(app.dir()).resolve(app.jars().get(0).file());
  }

  private static void japicmp(List<File[]> pairs) {
    for (File[] p : pairs) {
      JarArchiveComparator cmp = new JarArchiveComparator(new JarArchiveComparatorOptions());
      int n = cmp.compare(new JApiCmpArchive(p[0], "1.0.0"), new JApiCmpArchive(p[1], "1.1.0")).size();
      assertThat(n).isPositive();
    }
  }

  interface Timed {
    void run() throws Exception;
  }

  private static long time(Timed t) throws Exception {
    long start = System.nanoTime();
    t.run();
    return System.nanoTime() - start;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElseThrow();
  }
}

package dev.molt.testsupport.skips;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Makes every skipped test say so, with its reason: Surefire and Failsafe only count skips. Prints
 * {@code SKIPPED <class>#<method>: <reason>} on stdout and appends the same line to
 * {@code target/molt-skips.txt} of the module under test, which the build clears at
 * {@code initialize} (so Surefire's and Failsafe's skips add up) and {@code .ci/run} lists at the
 * end. A skipped or aborted
 * class (a disabled condition, an assumption in {@code @BeforeAll}) is reported as each of its
 * tests, so the list names every test that did not run.
 *
 * <p>Registered through {@code META-INF/services}: being on the test class path is enough. The
 * launcher calls it from one thread at a time; the methods are synchronized all the same.
 */
public final class SkipReport implements TestExecutionListener {
  /** The file under the module's build directory, one line per skipped test. */
  public static final String FILE_NAME = "molt-skips.txt";

  private Optional<TestPlan> plan = Optional.empty();

  @Override
  public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
    plan = Optional.of(testPlan);
  }

  @Override
  public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
    plan = Optional.empty();
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
    report(identifier, reason);
  }

  @Override
  public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      report(identifier, result.getThrowable().map(SkipReport::reason).orElse("aborted"));
    }
  }

  private void report(TestIdentifier identifier, String reason) {
    String why = oneLine(reason);
    List<String> lines = testsOf(identifier).stream()
        .map(test -> "SKIPPED " + test + ": " + why)
        .collect(Collectors.toList());
    lines.forEach(System.out::println);
    reportFile().ifPresent(file -> append(file, lines));
  }

  /** The test itself, or each test a skipped class would have run (the class when it has none). */
  private List<String> testsOf(TestIdentifier identifier) {
    if (identifier.isTest()) {
      return List.of(name(identifier));
    }
    List<String> tests = plan.map(p -> p.getDescendants(identifier).stream()
            .filter(TestIdentifier::isTest).map(SkipReport::name).collect(Collectors.toList()))
        .orElse(List.of());
    return tests.isEmpty() ? List.of(name(identifier)) : tests;
  }

  static String name(TestIdentifier identifier) {
    Optional<TestSource> source = identifier.getSource();
    if (source.isPresent() && source.get() instanceof MethodSource) {
      MethodSource method = (MethodSource) source.get();
      return method.getClassName() + "#" + method.getMethodName();
    }
    if (source.isPresent() && source.get() instanceof ClassSource) {
      return ((ClassSource) source.get()).getClassName();
    }
    return identifier.getDisplayName();
  }

  static String reason(Throwable thrown) {
    String message = thrown.getMessage();
    return message == null || message.isBlank() ? thrown.getClass().getName() : message;
  }

  static String oneLine(String text) {
    String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return line.isEmpty() ? "no reason given" : line;
  }

  /** Under the module's {@code target/} when Maven runs the tests ({@code basedir} is set). */
  private static Optional<Path> reportFile() {
    return Optional.ofNullable(System.getProperty("basedir"))
        .map(dir -> Path.of(dir, "target", FILE_NAME));
  }

  private static void append(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the skip report " + file, e);
    }
  }
}

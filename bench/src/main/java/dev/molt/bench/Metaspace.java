package dev.molt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Metaspace used by a running JVM, read with {@code jcmd <pid> GC.heap_info} of the JDK running
 * the bench (the releases' jlinked runtimes have no jcmd). The JVM is the launched process or, for
 * a script that does not exec, its first descendant whose command is {@code java}.
 */
final class Metaspace {
  private static final Pattern USED = Pattern.compile("Metaspace\\s+used (\\d+)K");

  private Metaspace() {}

  /** Kilobytes of metaspace used, or empty when the JVM cannot be attached to. */
  static Optional<Long> usedKb(Process launched) throws InterruptedException {
    Optional<ProcessHandle> jvm = Stream.concat(Stream.of(launched.toHandle()),
            launched.descendants())
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .findFirst();
    if (jvm.isEmpty()) {
      return Optional.empty();
    }
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process p = new ProcessBuilder(jcmd.toString(), Long.toString(jvm.get().pid()),
          "GC.heap_info").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      Matcher m = USED.matcher(out);
      return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    } catch (IOException e) {
      System.err.println("jcmd failed: " + e);
      return Optional.empty();
    }
  }
}

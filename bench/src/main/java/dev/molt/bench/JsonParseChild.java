package dev.molt.bench;

import dev.molt.format.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One fresh JVM of {@link JsonBench}: reads release.json and config.json once, the way the
 * kernel does at boot, with the parser named by the first argument, and prints the nanoseconds
 * the reads took (class loading and initialization of the parser included: that is the cost).
 */
public final class JsonParseChild {
  private JsonParseChild() {}

  public static void main(String[] args) throws Exception {
    boolean jackson = args[0].equals("jackson");
    Path release = Path.of(args[1]);
    Path config = Path.of(args[2]);
    long begin = System.nanoTime();
    Object a;
    Object b;
    if (jackson) {
      a = JacksonTrees.parse(Files.readAllBytes(release));
      b = JacksonTrees.parse(Files.readAllBytes(config));
    } else {
      a = StrictJson.parse(release, StrictJson.MAX_RELEASE_FILE_BYTES).orElseThrow();
      b = StrictJson.parse(config, StrictJson.MAX_CONFIG_BYTES).orElseThrow();
    }
    long nanos = System.nanoTime() - begin;
    System.out.println(nanos);
    if (a.hashCode() == b.hashCode()) {
      System.out.println(); // keeps both trees alive past the measurement
    }
  }
}
